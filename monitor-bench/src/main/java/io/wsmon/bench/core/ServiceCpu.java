package io.wsmon.bench.core;

import com.sun.management.OperatingSystemMXBean;
import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.ServiceStatistics;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the real service at its real cadence and prints the CPU the whole process used, as a share of
 * one core, and per tick. Usage:
 * {@code java -cp monitor-bench/target/benchmarks.jar io.wsmon.bench.core.ServiceCpu [interval-seconds]
 * [duration-seconds] [warm-up-seconds] [monitors-to-disable]} (defaults 0.5, 60, 10 and none; the last is
 * a {@code monitors.disable} list such as {@code processes,disk_io,sensors,container,pressure}, to compare
 * the cost with and without sections). At two ticks a second the JIT takes
 * minutes to compile the tick's code, so a long warm-up shows the steady state and a short one the
 * first minutes.
 */
public final class ServiceCpu {

    private ServiceCpu() {}

    /**
     * @param args interval and duration in seconds
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        Duration interval = Duration.ofMillis((long) (1000 * (args.length > 0 ? Double.parseDouble(args[0]) : 0.5)));
        Duration duration = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
        Duration warmUp = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 10);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicReference<Snapshot> last = new AtomicReference<>();
        String disable = args.length > 3 ? args[3] : "";
        try (MonitoringService service = MonitoringService.builder().interval(interval).discovery(false)
                .setting("monitors.disable", disable).start()) {
            service.subscribe(last::set);
            Thread.sleep(warmUp.toMillis());
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            long ticks0 = service.statistics().ticks();
            Thread.sleep(duration.toMillis());
            long cpu = os.getProcessCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            ServiceStatistics stats = service.statistics();
            long ticks = stats.ticks() - ticks0;
            System.out.printf(Locale.ROOT, "interval %s, measured %s after %s warm-up, %d ticks (missed %d), sections %s%n",
                    interval, duration, warmUp, ticks, stats.missedTicks(), last.get().sections().keySet());
            System.out.printf(Locale.ROOT, "process CPU: %.3f %% of one core, %.0f us per tick%n",
                    100.0 * cpu / wall, cpu / 1000.0 / Math.max(1, ticks));
            System.out.printf(Locale.ROOT, "tick wall time: mean %d us, max %d us; snapshot %d bytes%n",
                    stats.meanTickDuration().toNanos() / 1000, stats.maxTickDuration().toNanos() / 1000,
                    last.get().jsonLength());
        }
    }
}
