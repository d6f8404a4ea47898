package io.wsmon.ws.cli;

import io.wsmon.core.MonitoringService;
import io.wsmon.core.testing.FakeMonitor;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A monitoring service with the server command's handling of fatal errors, for a test in a child JVM: its
 * monitor {@code doomed} runs out of memory at its third reading, on the monitor's own thread; the
 * process then waits at most a minute.
 */
public final class FatalMonitorChild {

    private FatalMonitorChild() {}

    /**
     * @param args none
     * @throws Exception when the service cannot start
     */
    public static void main(String[] args) throws Exception {
        FatalErrors.install();
        AtomicInteger readings = new AtomicInteger();
        FakeMonitor doomed = new FakeMonitor("doomed", () -> {
            if (readings.incrementAndGet() == 3) {
                throw new OutOfMemoryError("Java heap space");
            }
            return "fine";
        });
        MonitoringService service = MonitoringService.builder().interval(Duration.ofMillis(100))
                .discovery(false).onlyMonitors("memory", "doomed").monitor(doomed).start();
        try {
            Thread.sleep(Duration.ofMinutes(1).toMillis());
        } finally {
            service.stop();
        }
    }
}
