package io.wsmon.core.collect.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.ProcessInfo;
import io.wsmon.api.ProcessesInfo;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesMonitorTest {

    @TempDir
    Path dir;

    private ProcessesMonitor start(Path root, Map<String, String> settings) throws Exception {
        ProcessesMonitor monitor = new ProcessesMonitor(root.resolve("proc"), root.resolve("etc/passwd"));
        monitor.start(LinuxFixture.context(settings));
        return monitor;
    }

    @Test
    void collect_fixture_countsEachStateAndLeavesOutProcessesThatVanished() throws Exception {
        Path root = LinuxFixture.copy("host", dir);

        ProcessesInfo info = start(root, Map.of()).collect();

        // 4242 has no stat (ended after the listing), 4243 an empty one (ended after the open)
        assertThat(info.total()).isEqualTo(5);
        assertThat(info.running()).isEqualTo(1);
        assertThat(info.sleeping()).isEqualTo(1);
        assertThat(info.diskSleep()).isEqualTo(1);
        assertThat(info.idle()).isEqualTo(1);
        assertThat(info.zombie()).isEqualTo(1);
        assertThat(info.threads()).isEqualTo(1 + 31 + 1 + 1 + 4);
    }

    @Test
    void collect_firstScan_measuresOverEachProcesssLifetime() throws Exception {
        Path root = LinuxFixture.copy("host", dir);

        ProcessInfo java = start(root, Map.of()).collect().topCpu().get(0);

        // 1000 ticks (10 s) of processor time since it started at 500 s, at uptime 1000 s: 2 %
        assertThat(java).isEqualTo(new ProcessInfo(200, "java (app) x", "app", 2.0, 30000L * 4096, 1.5, 31));
    }

    @Test
    void collect_laterScan_measuresSinceThePreviousOne() throws Exception {
        Path root = LinuxFixture.copy("host", dir);
        ProcessesMonitor monitor = start(root, Map.of("processes.interval", "2"));
        monitor.collect();
        LinuxFixture.write(root, "proc/uptime", "1002.00 1900.00\n");
        LinuxFixture.write(root, "proc/200/stat", LinuxFixtureStat.java(1000, 100));

        ProcessInfo java = monitor.collect().topCpu().get(0);

        // 100 more ticks (1 s) over 2 s: half of one processor
        assertThat(java.cpuPercent()).isEqualTo(50.0);
    }

    @Test
    void collect_beforeTheInterval_repeatsTheLastScan() throws Exception {
        Path root = LinuxFixture.copy("host", dir);
        ProcessesMonitor monitor = start(root, Map.of("processes.interval", "5"));
        ProcessesInfo first = monitor.collect();
        LinuxFixture.write(root, "proc/uptime", "1004.00 1900.00\n");
        LinuxFixture.write(root, "proc/200/stat", LinuxFixtureStat.java(1000, 100));

        assertThat(monitor.collect()).isSameAs(first);

        LinuxFixture.write(root, "proc/uptime", "1005.00 1900.00\n");
        assertThat(monitor.collect()).isNotSameAs(first);
    }

    @Test
    void collect_topSetting_listsThatManyByCpuAndByMemory() throws Exception {
        Path root = LinuxFixture.copy("host", dir);

        ProcessesInfo info = start(root, Map.of("processes.top", "2")).collect();

        assertThat(info.topCpu()).extracting(ProcessInfo::pid).containsExactly(200, 1);
        assertThat(info.topMemory()).extracting(ProcessInfo::pid).containsExactly(310, 200);
        assertThat(info.topMemory().get(0).user()).isEqualTo("postgres");
    }

    @Test
    void collect_userWithoutName_showsTheId() throws Exception {
        Path root = LinuxFixture.copy("host", dir);

        ProcessesInfo info = start(root, Map.of("processes.top", "10")).collect();

        assertThat(info.topCpu()).filteredOn(p -> p.pid() == 300).extracting(ProcessInfo::user).containsExactly("4321");
        assertThat(info.topCpu()).filteredOn(p -> p.pid() == 1).extracting(ProcessInfo::user).containsExactly("root");
    }

    @Test
    void start_badTopSetting_namesTheKey() {
        Path root = LinuxFixture.copy("host", dir);

        assertThatThrownBy(() -> start(root, Map.of("processes.top", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("processes.top: must be a whole number from 1 to 100, got '0'");
    }
}
