package io.wsmon.bench.alert;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;
import io.wsmon.api.MemoryInfo;
import io.wsmon.api.Monitor;
import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.ServiceStatistics;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Shows, in real time, that an alert handler blocked for 30 s does not move the collection schedule: a service
 * ticking every 0.5 s raises an alert at every tick (memory at 85.5 %, cooldown 0) to a handler that sleeps 30 s
 * per alert, and the tick timestamps are printed with their distance from the 0.5 s grid. Usage:
 * {@code java -cp monitor-bench/target/benchmarks.jar io.wsmon.bench.alert.BlockedHandlerTicks [seconds]}
 * (default 32).
 */
public final class BlockedHandlerTicks {

    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Duration HANDLER_SLEEP = Duration.ofSeconds(30);
    private static final long GB = 1024L * 1024 * 1024;

    private BlockedHandlerTicks() {}

    /** A memory section always at 85.5 %, above the default 80 % warning. */
    private static final class HighMemory implements Monitor<MemoryInfo> {
        @Override
        public String name() {
            return "memory";
        }

        @Override
        public MemoryInfo collect() {
            return new MemoryInfo(16 * GB, (long) (16 * GB * 0.145), (long) (16 * GB * 0.855), 85.5, null);
        }
    }

    /** Sleeps 30 s in every call. */
    private static final class SleepingHandler implements AlertHandler {
        private volatile long firstCallNanos;

        @Override
        public String name() {
            return "sleeps-30s";
        }

        @Override
        public void handle(Alert alert) throws InterruptedException {
            if (firstCallNanos == 0) {
                firstCallNanos = System.nanoTime();
            }
            Thread.sleep(HANDLER_SLEEP.toMillis());
        }
    }

    /**
     * @param args how long to run, in seconds
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        Duration run = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 32);
        SleepingHandler handler = new SleepingHandler();
        List<Snapshot> ticks;
        ServiceStatistics stats;
        long started = System.nanoTime();
        long closing;
        try (MonitoringService service = MonitoringService.builder().interval(INTERVAL).discovery(false)
                .onlyMonitors("memory").disable("memory").monitor(new HighMemory())
                .alertCooldown(Duration.ZERO).alertHandler(handler).start()) {
            Thread.sleep(run.toMillis());
            ticks = service.history(10_000);
            stats = service.statistics();
            closing = System.nanoTime();
        }
        long stopped = System.nanoTime();
        Snapshot first = ticks.get(0);
        long shortestMicros = Long.MAX_VALUE;
        long longestMicros = 0;
        Snapshot previous = null;
        for (Snapshot tick : ticks) {
            long sinceFirst = Duration.between(first.timestamp(), tick.timestamp()).toNanos() / 1000;
            long sincePrevious = previous == null ? 0
                    : Duration.between(previous.timestamp(), tick.timestamp()).toNanos() / 1000;
            if (previous != null) {
                shortestMicros = Math.min(shortestMicros, sincePrevious);
                longestMicros = Math.max(longestMicros, sincePrevious);
            }
            System.out.printf(Locale.ROOT, "seq %3d  %s  +%9.3f s  since previous %7.3f ms  alerts %d%n", tick.seq(),
                    tick.timestamp(), sinceFirst / 1e6, sincePrevious / 1e3, tick.alerts().size());
            previous = tick;
        }
        System.out.printf(Locale.ROOT, "%d ticks in %.1f s with the handler blocked from %.3f s after start; "
                        + "missed ticks %d; time between ticks min %.3f ms, max %.3f ms; tick wall time mean %d us, "
                        + "max %d us; stop took %d ms%n",
                ticks.size(), run.toMillis() / 1000.0, (handler.firstCallNanos - started) / 1e9, stats.missedTicks(),
                shortestMicros / 1e3, longestMicros / 1e3, stats.meanTickDuration().toNanos() / 1000,
                stats.maxTickDuration().toNanos() / 1000, (stopped - closing) / 1_000_000);
    }
}
