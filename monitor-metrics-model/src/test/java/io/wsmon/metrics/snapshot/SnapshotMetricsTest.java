package io.wsmon.metrics.snapshot;

import static io.wsmon.metrics.snapshot.FamilyAssertions.assertWellFormed;
import static io.wsmon.metrics.snapshot.FamilyAssertions.family;
import static io.wsmon.metrics.snapshot.FamilyAssertions.names;
import static io.wsmon.metrics.snapshot.FamilyAssertions.otelPoints;
import static io.wsmon.metrics.snapshot.FamilyAssertions.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertLevel;
import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.json.SnapshotCodec;
import io.wsmon.core.testing.Await;
import io.wsmon.core.testing.Snapshots;
import io.wsmon.metrics.MetricFamily;
import io.wsmon.metrics.MetricType;
import io.wsmon.metrics.MetricUnit;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotMetricsTest {

    private static final AgentFigures AGENT = AgentFigures.of("1.2.3");

    private final SnapshotMetrics metrics = new SnapshotMetrics();

    @Test
    void builtInSections_fullSnapshot_nodeExporterNamesInBaseUnits() {
        List<MetricFamily> f = metrics.families(Snapshots.full(7), List.of(), AGENT);

        assertThat(value(f, "wsmon_cpu_usage_ratio", "cpu", "all")).isCloseTo(0.255, within(1e-12));
        assertThat(value(f, "wsmon_cpu_usage_ratio", "cpu", "3")).isCloseTo(0.40, within(1e-12));
        assertThat(value(f, "node_load1")).isEqualTo(0.52);
        assertThat(value(f, "node_load15")).isEqualTo(0.59);
        assertThat(value(f, "node_cpu_scaling_frequency_hertz", "cpu", "all")).isEqualTo(2.495e9);
        assertThat(value(f, "wsmon_cpu_frequency_max_hertz")).isEqualTo(3.7e9);
        assertThat(value(f, "node_memory_MemTotal_bytes")).isEqualTo(17179869184.0);
        assertThat(value(f, "node_memory_MemAvailable_bytes")).isEqualTo(8589934592.0);
        assertThat(value(f, "node_memory_SwapFree_bytes")).isEqualTo(2147483648.0);
        assertThat(value(f, "node_filesystem_size_bytes", "mountpoint", "/data", "device", "", "fstype", ""))
                .as("without a mount, the path is the mount point").isEqualTo(1e12);
        assertThat(value(f, "node_filesystem_avail_bytes", "mountpoint", "/", "device", "", "fstype", ""))
                .isEqualTo(250053931008.0);
        assertThat(family(f, "node_filesystem_size_bytes").samples()).as("disk is one of disks, not twice").hasSize(2);
        assertThat(value(f, "node_network_receive_bytes_total", "device", "eth0")).isEqualTo(2000000.0);
        assertThat(value(f, "node_network_transmit_bytes_total", "device", "eth0")).isEqualTo(1000000.0);
        assertThat(value(f, "node_boot_time_seconds"))
                .isEqualTo(OffsetDateTime.parse("2026-01-01T08:00:00+01:00").toEpochSecond());
        assertThat(value(f, "node_uname_info", "sysname", "Linux", "release", "6.1.0-18-amd64", "version",
                "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1", "machine", "x86_64", "nodename", "host-1",
                "domainname", "(none)")).isEqualTo(1);
        assertThat(value(f, "wsmon_jvm_heap_used_bytes")).isEqualTo(52428800.0);
        assertThat(value(f, "wsmon_jvm_gc_seconds_total")).isEqualTo(0.085);
        assertThat(value(f, "wsmon_gpu_utilization_ratio", "gpu", "0", "uuid", "", "name", "NVIDIA GeForce RTX 3080"))
                .isEqualTo(0.45);
        assertThat(value(f, "wsmon_gpu_memory_used_bytes", "gpu", "0", "uuid", "", "name", "NVIDIA GeForce RTX 3080"))
                .isEqualTo(5368709120.0);
        assertThat(names(f)).as("absent GPU fields make no series").doesNotContain("wsmon_gpu_fan_speed_ratio");
        assertThat(family(f, "node_network_receive_bytes_total").figure().type()).isEqualTo(MetricType.COUNTER);
        assertThat(family(f, "node_memory_MemTotal_bytes").figure().unit()).isEqualTo(MetricUnit.BYTES);
        assertWellFormed(f);
    }

    @Test
    void agentFigures_always_buildInfoTimestampTicks() {
        Snapshot snapshot = Snapshots.full(42);
        List<MetricFamily> f = metrics.families(snapshot, List.of(),
                AGENT.withMissedTicks(3).withWebsocketClients(5));

        assertThat(value(f, "wsmon_build_info", "version", "1.2.3")).isEqualTo(1);
        assertThat(value(f, "wsmon_ticks_total")).isEqualTo(42);
        assertThat(value(f, "wsmon_ticks_missed_total")).isEqualTo(3);
        assertThat(value(f, "wsmon_websocket_clients")).isEqualTo(5);
        assertThat(value(f, "wsmon_snapshot_timestamp_seconds")).isCloseTo(
                snapshot.timestamp().toEpochSecond() + 0.123456, within(1e-6));
    }

    @Test
    void agentFigures_unknown_leftOut() {
        List<MetricFamily> f = metrics.families(Snapshots.full(1), List.of(), AGENT);

        assertThat(names(f)).doesNotContain("wsmon_ticks_missed_total", "wsmon_websocket_clients");
    }

    @Test
    void activeAlerts_each_oneSeriesWithItsLabels() {
        Alert disk = new Alert(Snapshots.TIMESTAMP, "disk", "usage_percent", "/data", 90, 85, AlertLevel.WARNING, "x");
        List<MetricFamily> f = metrics.families(Snapshots.full(1), List.of(Snapshots.memoryAlert(), disk), AGENT);

        assertThat(value(f, "wsmon_alerts_active", "component", "memory", "metric", "usage_percent", "resource", "",
                "level", "warning")).isEqualTo(1);
        assertThat(value(f, "wsmon_alerts_active", "component", "disk", "metric", "usage_percent", "resource",
                "/data", "level", "warning")).isEqualTo(1);
        assertWellFormed(f);
    }

    @Test
    void newSections_byWireName_mapWhateverTheirJavaType() {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("processor", new Processor(12.5, List.of(10.0, 15.0),
                new Times(3.1, 1.2, 0.0, 0.4, 0.0, 0.1, 0.0, 95.2),
                List.of(new CoreTimes(0, 1234.56, 1.5, 456.78, 98765.43, 12.34, 0.0, 5.67, 0.25),
                        new CoreTimes(2, 1100.0, 0.5, 400.0, 99000.0, 10.0, 0.0, 4.0, 0.5)), 3, 1));
        sections.put("disk_io", new DiskIo(1.0, 2.0, List.of(
                new DiskIoDevice("vda", 5.0, 12.5, 1000, 2000, 30, 40, 7.25))));
        sections.put("disks", List.of(new Disk("/", 100, 60, 35, 63.2, 1000L, 250L, "/", "/dev/vda1", "ext4"),
                new Disk("/home", 100, 60, 35, 63.2, 1000L, 250L, "/", "/dev/vda1", "ext4")));
        sections.put("sensors", new Sensors(List.of(new Temperature("coretemp", "Package id 0", 45.0, 80.0, null)),
                List.of(new Fan("nct6775", "fan1", 900))));
        sections.put("container", new Container(2, 1073741824L, 536870912L, 50.0, 2.0, 25.0, 7L, 1.5));
        sections.put("pressure", new Pressure(new Stall(new Averages(1.0, 2.0, 3.0, 10.0), null),
                new Stall(new Averages(4.0, 5.0, 6.0, 20.0), new Averages(0.5, 0.6, 0.7, 2.0)), null));
        sections.put("processes", new Processes(250, 2, 240, 900,
                List.of(new Proc(1234, "java", 12.5, 123456789L)), List.of()));

        List<MetricFamily> f = metrics.families(snapshot(sections), List.of(), AGENT);

        assertThat(value(f, "wsmon_cpu_mode_ratio", "mode", "iowait")).isCloseTo(0.004, within(1e-12));
        assertThat(value(f, "wsmon_cpu_mode_ratio", "mode", "idle")).isCloseTo(0.952, within(1e-12));
        assertThat(value(f, "node_disk_read_bytes_total", "device", "vda")).isEqualTo(1000);
        assertThat(value(f, "node_disk_written_bytes_total", "device", "vda")).isEqualTo(2000);
        assertThat(value(f, "node_disk_reads_completed_total", "device", "vda")).isEqualTo(30);
        assertThat(value(f, "node_disk_writes_completed_total", "device", "vda")).isEqualTo(40);
        assertThat(value(f, "node_disk_io_time_seconds_total", "device", "vda")).isEqualTo(7.25);
        assertThat(value(f, "wsmon_disk_busy_ratio", "device", "vda")).isEqualTo(0.125);
        String[] root = {"mountpoint", "/", "device", "/dev/vda1", "fstype", "ext4"};
        assertThat(value(f, "node_filesystem_size_bytes", root)).isEqualTo(100);
        assertThat(value(f, "node_filesystem_avail_bytes", root)).isEqualTo(35);
        assertThat(value(f, "node_filesystem_free_bytes", root)).as("total - used: root's free space").isEqualTo(40);
        assertThat(value(f, "node_filesystem_files", root)).isEqualTo(1000);
        assertThat(value(f, "node_filesystem_files_free", root)).isEqualTo(250);
        assertThat(family(f, "node_filesystem_size_bytes").samples()).as("two paths on one mount, one series")
                .hasSize(1);
        assertThat(otelPoints(f, "system.filesystem.usage")).containsOnly(
                Map.entry(Map.of("system.filesystem.mountpoint", "/", "system.device", "/dev/vda1",
                        "system.filesystem.type", "ext4", "system.filesystem.state", "used"), 60.0),
                Map.entry(Map.of("system.filesystem.mountpoint", "/", "system.device", "/dev/vda1",
                        "system.filesystem.type", "ext4", "system.filesystem.state", "free"), 35.0),
                Map.entry(Map.of("system.filesystem.mountpoint", "/", "system.device", "/dev/vda1",
                        "system.filesystem.type", "ext4", "system.filesystem.state", "reserved"), 5.0));
        assertThat(value(f, "node_cpu_seconds_total", "cpu", "0", "mode", "user")).isEqualTo(1234.56);
        assertThat(value(f, "node_cpu_seconds_total", "cpu", "2", "mode", "steal")).isEqualTo(0.5);
        assertThat(family(f, "node_cpu_seconds_total").samples()).as("2 processors, 8 modes").hasSize(16);
        assertThat(family(f, "node_cpu_seconds_total").figure().type()).isEqualTo(MetricType.COUNTER);
        assertThat(otelPoints(f, "system.cpu.time"))
                .containsEntry(Map.of("cpu.logical_number", "2", "cpu.mode", "iowait"), 10.0);
        assertThat(value(f, "node_hwmon_temp_celsius", "chip", "coretemp", "sensor", "Package id 0")).isEqualTo(45);
        assertThat(value(f, "node_hwmon_temp_max_celsius", "chip", "coretemp", "sensor", "Package id 0")).isEqualTo(80);
        assertThat(names(f)).as("no critical temperature given").doesNotContain("node_hwmon_temp_crit_celsius");
        assertThat(value(f, "node_hwmon_fan_rpm", "chip", "nct6775", "sensor", "fan1")).isEqualTo(900);
        assertThat(value(f, "wsmon_container_memory_limit_bytes")).isEqualTo(1073741824.0);
        assertThat(value(f, "wsmon_container_memory_usage_ratio")).isEqualTo(0.5);
        assertThat(value(f, "wsmon_container_cpu_limit_cores")).isEqualTo(2.0);
        assertThat(value(f, "wsmon_container_cpu_throttled_seconds_total")).isEqualTo(1.5);
        assertThat(value(f, "node_pressure_cpu_waiting_seconds_total")).isEqualTo(10);
        assertThat(value(f, "node_pressure_memory_waiting_seconds_total")).isEqualTo(20);
        assertThat(value(f, "node_pressure_memory_stalled_seconds_total")).isEqualTo(2);
        assertThat(value(f, "wsmon_pressure_ratio", "resource", "memory", "kind", "full", "window", "300s"))
                .isCloseTo(0.007, within(1e-12));
        assertThat(value(f, "node_procs_running")).as("the scheduler's runnable threads").isEqualTo(3);
        assertThat(value(f, "node_procs_blocked")).isEqualTo(1);
        assertThat(value(f, "wsmon_processes", "state", "running")).as("processes in state R").isEqualTo(2);
        assertThat(value(f, "wsmon_processes", "state", "sleeping")).isEqualTo(240);
        assertThat(value(f, "wsmon_processes_threads")).isEqualTo(900);
        assertThat(f).as("no per-process series")
                .noneMatch(fam -> fam.samples().stream().anyMatch(s -> s.labels().stream()
                        .anyMatch(l -> l.value().equals("java") || l.value().equals("1234"))));
        assertWellFormed(f);
    }

    @Test
    void customSection_record_numericFieldsGaugesAndKeyedListsLabels() {
        Map<String, Object> sections = Map.of("open_files", new OpenFiles(12, 37.5, true, "text is left out",
                List.of(new User("app", 7), new User("root", 5)), List.of(new Slot(3, 1.5))));

        List<MetricFamily> f = metrics.families(snapshot(sections), List.of(), AGENT);

        assertThat(value(f, "wsmon_open_files_count_value")).as("_count is a summary's").isEqualTo(12);
        assertThat(value(f, "wsmon_open_files_used_ratio")).isEqualTo(0.375);
        assertThat(family(f, "wsmon_open_files_used_ratio").figure().unit()).isEqualTo(MetricUnit.RATIO);
        assertThat(value(f, "wsmon_open_files_limited")).isEqualTo(1);
        assertThat(value(f, "wsmon_open_files_users_count_value", "name", "app")).isEqualTo(7);
        assertThat(value(f, "wsmon_open_files_users_count_value", "name", "root")).isEqualTo(5);
        assertThat(value(f, "wsmon_open_files_slots_load", "id", "3")).isEqualTo(1.5);
        assertThat(family(f, "wsmon_open_files_count_value").figure().otelName()).isEqualTo("wsmon.open_files.count");
        assertThat(names(f)).doesNotContain("wsmon_open_files_users_name", "wsmon_open_files_slots_id",
                "wsmon_open_files_note");
        assertWellFormed(f);
    }

    @Test
    void customSection_listOfNumbersAndUnkeyedRecords_indexLabel() {
        Map<String, Object> sections = Map.of("queue", Map.of("depths", List.of(4, 5)));

        List<MetricFamily> f = metrics.families(snapshot(sections), List.of(), AGENT);

        assertThat(value(f, "wsmon_queue_depths", "index", "1")).isEqualTo(5);
    }

    @Test
    void sameSnapshot_readTwice_mappedOnce() {
        Snapshot snapshot = Snapshots.full(1);

        assertThat(metrics.sectionFamilies(snapshot)).isSameAs(metrics.sectionFamilies(snapshot));
        assertThat(metrics.sectionFamilies(Snapshots.full(2))).isNotSameAs(metrics.sectionFamilies(snapshot));
    }

    @Test
    void realService_snapshot_mapsWellFormed() throws Exception {
        try (MonitoringService service = MonitoringService.builder().interval(Duration.ofMillis(100)).start()) {
            Await.until("two snapshots", () -> service.currentSnapshot().map(s -> s.seq() >= 2).orElse(false));
            Snapshot snapshot = service.currentSnapshot().orElseThrow();

            List<MetricFamily> f = metrics.families(snapshot, service.activeAlerts(), AGENT);

            assertThat(value(f, "node_memory_MemTotal_bytes")).isPositive();
            assertThat(value(f, "wsmon_cpu_usage_ratio", "cpu", "all")).isBetween(0.0, 1.0);
            assertThat(value(f, "wsmon_jvm_heap_used_bytes")).isPositive();
            // the sections this machine has, with their real record types
            Map<String, String> expected = Map.of(Snapshot.PROCESSES, "wsmon_processes",
                    Snapshot.DISK_IO, "node_disk_read_bytes_total", Snapshot.PRESSURE, "wsmon_pressure_ratio",
                    Snapshot.SENSORS, "node_hwmon_temp_celsius", Snapshot.CONTAINER, "wsmon_container_memory_used_bytes");
            expected.forEach((section, family) -> {
                if (snapshot.sections().containsKey(section)) {
                    assertThat(names(f)).as("section %s", section).contains(family);
                }
            });
            if (snapshot.processor().map(p -> p.timesPercent() != null).orElse(false)) {
                assertThat(names(f)).contains("wsmon_cpu_mode_ratio");
            }
            assertWellFormed(f);
        }
    }

    private static Snapshot snapshot(Map<String, Object> sections) {
        return Snapshot.of(1, Snapshots.TIMESTAMP, sections, List.of(), new SnapshotCodec()::encode);
    }

    // Stand-ins with the wire names of SPEC §11: the mapping must not care which Java type carries a section.
    record Times(double user, double system, double nice, double iowait, double irq, double softirq, double steal,
            double idle) {}

    record CoreTimes(int cpu, double user, double nice, double system, double idle, double iowait, double irq,
            double softirq, double steal) {}

    record Processor(double usagePercent, List<Double> perCoreUsage, Times timesPercent,
            List<CoreTimes> timesSeconds, int procsRunning, int procsBlocked) {}

    record DiskIoDevice(String name, double readBytesPerSec, double busyPercent, long readBytes, long writeBytes,
            long reads, long writes, double ioTimeSeconds) {}

    record DiskIo(double readBytesPerSec, double writeBytesPerSec, List<DiskIoDevice> devices) {}

    record Disk(String path, long total, long used, long free, double percentage, Long inodesTotal, Long inodesFree,
            String mountpoint, String device, String fstype) {}

    record Temperature(String chip, String label, double current, Double high, Double critical) {}

    record Fan(String chip, String label, long rpm) {}

    record Sensors(List<Temperature> temperatures, List<Fan> fans) {}

    record Container(int cgroupVersion, Long memoryLimit, long memoryUsed, Double memoryPercent, Double cpuLimitCores,
            Double cpuPercentOfLimit, Long throttledPeriods, Double throttledSeconds) {}

    record Averages(double avg10, double avg60, double avg300, double totalSeconds) {}

    record Stall(Averages some, Averages full) {}

    record Pressure(Stall cpu, Stall memory, Stall io) {}

    record Proc(int pid, String name, double cpuPercent, long rss) {}

    record Processes(int total, int running, int sleeping, int threads, List<Proc> topCpu, List<Proc> topMemory) {}

    record User(String name, int count) {}

    record Slot(int id, double load) {}

    record OpenFiles(int count, double usedPercent, boolean limited, String note, List<User> users, List<Slot> slots) {}
}
