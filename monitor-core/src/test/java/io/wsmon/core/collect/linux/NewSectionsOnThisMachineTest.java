package io.wsmon.core.collect.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.wsmon.api.DiskIoDevice;
import io.wsmon.api.DiskIoInfo;
import io.wsmon.api.PressureInfo;
import io.wsmon.api.ProcessesInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The new sections on this machine, checked against {@code /proc} read here with plain string code. */
class NewSectionsOnThisMachineTest {

    @BeforeEach
    void needsLinux() {
        assumeThat(LinuxHostProbe.isSupported()).as("needs Linux /proc").isTrue();
    }

    @Test
    void processes_totalLiesBetweenTwoCountsOfProcDirectories() throws Exception {
        ProcessesMonitor monitor = new ProcessesMonitor();
        monitor.start(LinuxFixture.context(Map.of()));

        long before = countPids();
        ProcessesInfo info = monitor.collect();
        long after = countPids();

        // other processes come and go meanwhile (the machine is shared); a few may end between listing and reading
        assertThat((long) info.total()).isBetween(Math.min(before, after) - 10, Math.max(before, after) + 10);
        assertThat(info.threads()).isGreaterThanOrEqualTo(info.total());
        assertThat(info.topMemory()).isNotEmpty();
        long self = ProcessHandle.current().pid();
        long selfRss = residentBytes(self);
        assertThat(info.topMemory().get(0).rss()).isGreaterThanOrEqualTo(selfRss / 2);
    }

    @Test
    void diskIo_countersLieBetweenTwoReadingsOfDiskstats() throws Exception {
        DiskIoMonitor monitor = new DiskIoMonitor();
        monitor.start(LinuxFixture.context(Map.of()));

        Map<String, long[]> before = diskstats();
        DiskIoInfo info = monitor.collect();
        Map<String, long[]> after = diskstats();

        assertThat(info.devices()).extracting(DiskIoDevice::name).doesNotContain("loop0", "ram0", "zram0");
        for (DiskIoDevice device : info.devices()) {
            assertThat(device.readBytes()).isBetween(before.get(device.name())[0] * 512, after.get(device.name())[0] * 512);
            assertThat(device.writeBytes()).isBetween(before.get(device.name())[1] * 512, after.get(device.name())[1] * 512);
        }
        try (Stream<Path> blocks = Files.list(Path.of("/sys/block"))) {
            List<String> whole = blocks.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("loop") && !n.startsWith("ram") && !n.startsWith("zram") && !n.startsWith("fd"))
                    .filter(before::containsKey)
                    .toList();
            assertThat(info.devices()).extracting(DiskIoDevice::name).containsExactlyInAnyOrderElementsOf(whole);
        }
    }

    @Test
    void pressure_memoryTotalLiesBetweenTwoReadings() throws Exception {
        Path file = Path.of("/proc/pressure/memory");
        assumeThat(Files.isReadable(file)).as("needs PSI (/proc/pressure)").isTrue();
        PressureMonitor monitor = new PressureMonitor();
        monitor.start(LinuxFixture.context(Map.of()));

        double before = someTotalSeconds(file);
        PressureInfo info = monitor.collect();
        double after = someTotalSeconds(file);

        assertThat(info.memory().some().totalSeconds()).isBetween(before, after);
    }

    private static long countPids() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).count();
        }
    }

    private static long residentBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return 0;
    }

    /** Sectors read and written per device. */
    private static Map<String, long[]> diskstats() throws IOException {
        Map<String, long[]> sectors = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/diskstats"))) {
            String[] f = line.trim().split("\\s+");
            sectors.put(f[2], new long[] {Long.parseLong(f[5]), Long.parseLong(f[9])});
        }
        return sectors;
    }

    private static double someTotalSeconds(Path file) throws IOException {
        String some = Files.readAllLines(file).get(0);
        return Long.parseLong(some.substring(some.indexOf("total=") + 6).trim()) / 1e6;
    }
}
