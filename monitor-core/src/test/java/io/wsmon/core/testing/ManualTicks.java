package io.wsmon.core.testing;

import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.time.ManualClock;
import java.time.Duration;

/** Steps a service that runs on a {@link ManualClock} one tick at a time, waiting for each snapshot. */
public final class ManualTicks {

    private final MonitoringService service;
    private final ManualClock clock;
    private final Duration interval;

    /**
     * @param service the running service
     * @param clock its clock and ticker
     * @param interval its tick interval
     */
    public ManualTicks(MonitoringService service, ManualClock clock, Duration interval) {
        this.service = service;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Waits for a tick to have happened.
     *
     * @param seq the tick's seq
     * @return the newest snapshot then
     */
    public Snapshot await(long seq) {
        Await.until("tick " + seq, () -> service.currentSnapshot().map(Snapshot::seq).orElse(0L) >= seq);
        return service.currentSnapshot().orElseThrow();
    }

    /**
     * Waits for the collector (and every exporter schedule, see {@link Schedules#awaitAllAsleep}) to sleep until
     * its next slot, moves the clock one interval on, and waits for the tick.
     *
     * @return the new snapshot
     */
    public Snapshot next() {
        long seq = service.currentSnapshot().map(Snapshot::seq).orElse(0L);
        Schedules.awaitAllAsleep(service, clock);
        clock.advance(interval);
        return await(seq + 1);
    }
}
