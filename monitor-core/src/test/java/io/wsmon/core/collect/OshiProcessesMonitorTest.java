package io.wsmon.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.ProcessInfo;
import io.wsmon.api.ProcessesInfo;
import io.wsmon.core.ServiceContext;
import io.wsmon.core.time.ManualClock;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OSHI variant of {@code processes}, run on this machine and checked against {@code /proc} read here. */
class OshiProcessesMonitorTest {

    private static final long SELF = ProcessHandle.current().pid();

    private static OshiHost host;
    /** Where the busy loop leaves its result, so the JIT cannot drop it. */
    private static volatile long sink;

    @BeforeAll
    static void createOshi() {
        host = new OshiHost();
    }

    private static OshiProcessesMonitor start(ManualClock ticker, Map<String, String> settings) throws Exception {
        OshiProcessesMonitor monitor = new OshiProcessesMonitor(host, ticker);
        monitor.start(new ServiceContext(Clock.systemUTC(), Duration.ofMillis(500), settings));
        return monitor;
    }

    private static ManualClock ticker() {
        return new ManualClock(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    }

    @Test
    void collect_onThisMachine_listsThisJvmByNameAndUser() throws Exception {
        ProcessesInfo info = start(ticker(), Map.of("processes.top", "100")).collect();

        ProcessInfo self = find(info.topMemory()).orElseThrow(() -> new AssertionError(
                "the test JVM " + SELF + " is not among the 100 largest processes: " + info.topMemory()));
        assertThat(self.name()).isEqualTo("java");
        assertThat(self.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(self.threads()).isPositive();
        assertThat(self.rss()).isPositive();
        assertThat(self.memoryPercent()).isBetween(0.0, 100.0);
        // at the first scan, over the JVM's lifetime: it has run the tests so far
        assertThat(self.cpuPercent()).isPositive();
        if (LinuxProcFiles.available()) {
            long rss = LinuxProcFiles.residentBytes(SELF);
            assertThat(self.rss()).isBetween(rss / 2, rss * 2);
        }
    }

    @Test
    void collect_onThisMachine_countsAddUpAndListsAreOrdered() throws Exception {
        long before = LinuxProcFiles.available() ? LinuxProcFiles.countPids() : -1;
        ProcessesInfo info = start(ticker(), Map.of("processes.top", "5")).collect();
        long after = LinuxProcFiles.available() ? LinuxProcFiles.countPids() : -1;

        assertThat(info.running() + info.sleeping() + info.diskSleep() + info.stopped() + info.zombie())
                .isLessThanOrEqualTo(info.total());
        assertThat(info.threads()).isGreaterThanOrEqualTo(info.total());
        assertThat(info.topCpu()).hasSize(Math.min(5, info.total()))
                .isSortedAccordingTo(Comparator.comparingDouble(ProcessInfo::cpuPercent).reversed())
                .allSatisfy(p -> assertThat(p.cpuPercent()).isNotNegative());
        assertThat(info.topMemory()).hasSize(Math.min(5, info.total()))
                .isSortedAccordingTo(Comparator.comparingLong(ProcessInfo::rss).reversed());
        if (before >= 0) {
            // other processes come and go meanwhile (the machine is shared)
            assertThat((long) info.total()).isBetween(Math.min(before, after) - 10, Math.max(before, after) + 10);
        }
    }

    @Test
    void collect_laterScan_measuresThisJvmsUseSinceThePreviousOne() throws Exception {
        ManualClock ticker = ticker();
        OshiProcessesMonitor monitor = start(ticker, Map.of("processes.top", "100", "processes.interval", "1"));
        monitor.collect();
        burnCpu(Duration.ofMillis(150));
        ticker.advance(Duration.ofSeconds(1));

        ProcessesInfo info = monitor.collect();

        // at least 150 ms of processor time in 1 s of the (manual) ticker
        ProcessInfo self = find(info.topCpu()).orElseThrow();
        assertThat(self.cpuPercent()).isGreaterThanOrEqualTo(10.0);
        assertThat(info.topCpu()).allSatisfy(p -> assertThat(p.cpuPercent()).isNotNegative());
    }

    @Test
    void collect_beforeTheInterval_repeatsTheLastScan() throws Exception {
        ManualClock ticker = ticker();
        OshiProcessesMonitor monitor = start(ticker, Map.of("processes.interval", "5"));
        ProcessesInfo first = monitor.collect();
        ticker.advance(Duration.ofSeconds(4));

        assertThat(monitor.collect()).isSameAs(first);

        ticker.advance(Duration.ofSeconds(1));
        assertThat(monitor.collect()).isNotSameAs(first);
    }

    private static Optional<ProcessInfo> find(List<ProcessInfo> processes) {
        return processes.stream().filter(p -> p.pid() == SELF).findFirst();
    }

    /** Spins on this thread until it has used {@code amount} of processor time, or 20 s have passed. */
    private static void burnCpu(Duration amount) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long sum = 0;
        while (threads.getCurrentThreadCpuTime() - start < amount.toNanos()) {
            assertThat(System.nanoTime()).as("processor time within 20 s").isLessThan(deadline);
            for (int i = 0; i < 100_000; i++) {
                sum += i * 31L;
            }
        }
        sink = sum;
    }

    /** {@code /proc} read with plain string code, to check OSHI's readings. */
    static final class LinuxProcFiles {

        private LinuxProcFiles() {}

        static boolean available() {
            return Files.isReadable(Path.of("/proc/self/status"));
        }

        static long countPids() throws IOException {
            try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
                return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).count();
            }
        }

        static long residentBytes(long pid) throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            return 0;
        }
    }
}
