package io.wsmon.bench.core;

import io.wsmon.api.Monitor;
import io.wsmon.api.ProcessesInfo;
import io.wsmon.core.ServiceContext;
import io.wsmon.core.collect.OshiHost;
import io.wsmon.core.collect.OshiProcessesMonitor;
import io.wsmon.core.collect.linux.ProcessesMonitor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What one scan of the process table costs at the real cadence, with extra sleeping processes started
 * for the measure. Usage: {@code java -cp monitor-bench/target/benchmarks.jar io.wsmon.bench.core.ProcessScanCost
 * [extra-processes] [scans] [seconds-between-scans] [proc|oshi]} (defaults 1000, 60, 0.5 and proc). It
 * starts that many {@code sleep} processes (at most 5000, each ending by itself after 10 minutes at the
 * latest, and all killed when the measure ends), scans the process table as the {@code processes} section
 * does, from {@code /proc} (Linux) or through OSHI (elsewhere), and prints the CPU time per scan and per
 * process: of the scanning thread, and of the whole JVM (OSHI may read on other threads). Run it with 0
 * and with 1000 extra processes: the difference divided by 1000 is the cost of one more process.
 */
public final class ProcessScanCost {

    private static final int MAX_EXTRA = 5000;

    private ProcessScanCost() {}

    /**
     * @param args extra processes, scans, seconds between scans
     * @throws Exception when the processes cannot be started or /proc cannot be read
     */
    public static void main(String[] args) throws Exception {
        int extra = Math.min(MAX_EXTRA, args.length > 0 ? Integer.parseInt(args[0]) : 1000);
        int scans = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        long pauseMillis = (long) (1000 * (args.length > 2 ? Double.parseDouble(args[2]) : 0.5));
        List<Process> sleepers = new ArrayList<>(extra);
        Thread cleanup = new Thread(() -> sleepers.forEach(Process::destroyForcibly));
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            for (int i = 0; i < extra; i++) {
                sleepers.add(new ProcessBuilder("sleep", "600").redirectErrorStream(true).start());
            }
            boolean oshi = args.length > 3 && args[3].equals("oshi");
            measure(oshi ? new OshiProcessesMonitor(new OshiHost()) : new ProcessesMonitor(), extra, scans,
                    pauseMillis);
        } finally {
            sleepers.forEach(Process::destroyForcibly);
            for (Process sleeper : sleepers) {
                sleeper.waitFor(5, TimeUnit.SECONDS);
            }
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    private static void measure(Monitor<ProcessesInfo> monitor, int extra, int scans, long pauseMillis)
            throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean jvm =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        monitor.start(new ServiceContext(Clock.systemUTC(), Duration.ofMillis(pauseMillis),
                Map.of("processes.interval", "0.1")));
        monitor.collect(); // the first scan loads classes
        long cpu = 0;
        long jvmCpu = 0;
        long processes = 0;
        for (int i = 0; i < scans; i++) {
            Thread.sleep(pauseMillis);
            long before = threads.getCurrentThreadCpuTime();
            long jvmBefore = jvm.getProcessCpuTime();
            ProcessesInfo info = monitor.collect();
            cpu += threads.getCurrentThreadCpuTime() - before;
            jvmCpu += jvm.getProcessCpuTime() - jvmBefore;
            processes += info.total();
        }
        double perScan = cpu / 1000.0 / scans;
        double jvmPerScan = jvmCpu / 1000.0 / scans;
        double meanProcesses = (double) processes / scans;
        System.out.printf(Locale.ROOT, "%d extra sleeping processes, %.0f processes on average, %d scans %d ms apart%n",
                extra, meanProcesses, scans, pauseMillis);
        System.out.printf(Locale.ROOT, "CPU per scan: %.0f us, %.2f us per process (thread); %.0f us, %.2f us per"
                + " process (JVM)%n", perScan, perScan / meanProcesses, jvmPerScan, jvmPerScan / meanProcesses);
    }
}
