package io.wsmon.core.testing;

import io.wsmon.core.MonitoringService;
import io.wsmon.core.time.ManualClock;
import java.time.Duration;

/** Steps a service whose ticker is a {@link ManualClock}. */
public final class Schedules {

    private Schedules() {}

    /**
     * Waits until every schedule of the service sleeps on the clock: the collector and one per exporter. Only
     * then may the clock move: moved while the collector still finishes a tick, the tick would count as
     * overrunning and the next slot would be skipped.
     *
     * @param service a started service
     * @param clock its ticker
     * @throws Exception when they are not all asleep within 10 s
     */
    public static void awaitAllAsleep(MonitoringService service, ManualClock clock) throws Exception {
        clock.awaitSleepers(1 + service.statistics().exporters().size(), Duration.ofSeconds(10));
    }
}
