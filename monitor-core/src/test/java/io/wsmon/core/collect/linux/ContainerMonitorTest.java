package io.wsmon.core.collect.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.ContainerInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerMonitorTest {

    @TempDir
    Path dir;

    private ContainerMonitor start(Path root) throws Exception {
        ContainerMonitor monitor = new ContainerMonitor(root.resolve("proc"), root.resolve("sys"));
        monitor.start(LinuxFixture.context(Map.of()));
        return monitor;
    }

    @Test
    void collect_cgroupV2WithLimits_givesLimitsAndUseWithoutInactiveFilePages() throws Exception {
        ContainerInfo info = start(LinuxFixture.copy("cgroup-v2-limited", dir)).collect();

        long used = 300000000L - 31564544L;
        assertThat(info).isEqualTo(new ContainerInfo(2, 536870912L, used,
                Math.round(used * 1000.0 / 536870912L) / 10.0, 2.0, 0.0, 7L, 0.35));
    }

    @Test
    void collect_cgroupV2_secondTick_givesCpuUseAsPercentOfTheLimit() throws Exception {
        Path root = LinuxFixture.copy("cgroup-v2-limited", dir);
        ContainerMonitor monitor = start(root);
        monitor.collect();
        LinuxFixture.write(root, "proc/uptime", "1002.00 1900.00\n");
        LinuxFixture.write(root, "sys/fs/cgroup/app.slice/app.service/cpu.stat",
                "usage_usec 6000000\nnr_periods 120\nnr_throttled 9\nthrottled_usec 450000\n");

        ContainerInfo info = monitor.collect();

        // 1 s of processor time in 2 s, with a limit of 2 processors: 25 %
        assertThat(info.cpuPercentOfLimit()).isEqualTo(25.0);
        assertThat(info.throttledPeriods()).isEqualTo(9L);
        assertThat(info.throttledSeconds()).isEqualTo(0.45);
    }

    @Test
    void collect_cgroupV2WithoutLimits_isAbsent() throws Exception {
        assertThat(start(LinuxFixture.copy("cgroup-v2-unlimited", dir)).collect()).isNull();
    }

    @Test
    void collect_cgroupV1WithLimits_readsTheMemoryAndCpuControllers() throws Exception {
        ContainerInfo info = start(LinuxFixture.copy("cgroup-v1-limited", dir)).collect();

        assertThat(info).isEqualTo(new ContainerInfo(1, 1073741824L, 400000000L, 37.3, 0.5, 0.0, 3L, 1.5));
    }

    @Test
    void collect_cgroupV1WithoutLimits_isAbsent() throws Exception {
        assertThat(start(LinuxFixture.copy("cgroup-v1-unlimited", dir)).collect()).isNull();
    }

    @Test
    void collect_withoutLimits_readsOnlyTheLimitFiles() throws Exception {
        Path root = LinuxFixture.copy("cgroup-v1-unlimited", dir);
        ContainerMonitor monitor = start(root);
        List<String> limitFiles = List.of("memory.limit_in_bytes", "cpu.cfs_quota_us", "cpu.cfs_period_us");
        try (Stream<Path> files = Files.walk(root.resolve("sys/fs/cgroup"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!limitFiles.contains(file.getFileName().toString())) {
                    Files.delete(file); // memory.stat of a host's root group sums the whole hierarchy
                }
            }
        }
        Files.delete(root.resolve("proc/uptime"));

        assertThat(monitor.collect()).isNull();
    }

    @Test
    void collect_limitSetWhileRunning_appearsAtTheNextTick() throws Exception {
        Path root = LinuxFixture.copy("cgroup-v2-unlimited", dir);
        ContainerMonitor monitor = start(root);
        monitor.collect();
        LinuxFixture.write(root, "sys/fs/cgroup/memory.max", "600000000\n");

        assertThat(monitor.collect().memoryPercent()).isEqualTo(50.0);
    }
}
