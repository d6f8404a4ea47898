package io.wsmon.core.testing;

import io.wsmon.core.MonitoringService;
import io.wsmon.core.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

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
     * @throws AssertionError when they are not all asleep within 10 s
     */
    public static void awaitAllAsleep(MonitoringService service, ManualClock clock) {
        int schedules = 1 + service.statistics().exporters().size();
        try {
            clock.awaitSleepers(schedules, Duration.ofSeconds(10));
        } catch (TimeoutException e) {
            throw new AssertionError("the collector and the exporter schedules did not all sleep: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the schedules to sleep", e);
        }
    }
}
