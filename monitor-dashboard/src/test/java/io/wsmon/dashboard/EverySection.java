package io.wsmon.dashboard;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertLevel;
import io.wsmon.api.Snapshot;
import io.wsmon.core.json.SnapshotCodec;
import io.wsmon.ws.protocol.InMemoryFeed;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made snapshots holding every section of SPEC §3 and §11 (two GPUs included, which no build machine
 * has) and a custom one, with fixed values, published on an {@link InMemoryFeed}.
 */
final class EverySection {

    static final long GIB = 1L << 30;

    private final SnapshotCodec codec = new SnapshotCodec();
    private final InMemoryFeed feed = new InMemoryFeed(Duration.ofMillis(500), 1000);
    private final OffsetDateTime start = OffsetDateTime.now().withNano(123_456_000);
    private long seq;

    InMemoryFeed feed() {
        return feed;
    }

    /** Publishes the next snapshot, half a second after the previous one. */
    void publish() {
        seq++;
        feed.publish(Snapshot.of(seq, start.plusNanos(seq * 500_000_000L), sections(), List.of(), codec::encode));
    }

    /** Sets a critical GPU temperature and a disk warning as the active alerts. */
    void alerts() {
        Alert hot = new Alert(start, "gpu", "temperature", "1", 91.0, 90.0, AlertLevel.CRITICAL,
                "Critical GPU temperature: 91.0°C (threshold: 90.0°C)");
        Alert full = new Alert(start, "disk", "usage_percent", "/data", 88.0, 85.0, AlertLevel.WARNING,
                "High disk usage: 88.0% (threshold: 85.0%)");
        feed.alerts(List.of(hot, full), List.of(full, hot));
    }

    private Map<String, Object> sections() {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("processor", Map.of("usage_percent", 37.5, "per_core_usage", List.of(10.0, 20.0, 30.0, 90.0),
                "core_count", 2, "logical_count", 4, "frequency_current", 2495.0, "frequency_max", 3700.0,
                "load_average", List.of(0.5, 0.4, 0.3),
                "times_percent", Map.of("user", 3.1, "system", 1.2, "iowait", 0.4, "idle", 95.3)));
        sections.put("memory", Map.of("total", 16 * GIB, "available", 8 * GIB, "used", 8 * GIB, "percentage", 50.0,
                "swap", Map.of("total", 2 * GIB, "used", GIB / 2, "free", 3 * GIB / 2, "percentage", 25.0)));
        Map<String, Object> root = Map.of("path", "/", "total", 100 * GIB, "used", 40 * GIB, "free", 60 * GIB,
                "percentage", 40.0);
        sections.put("disk", root);
        sections.put("disks", List.of(root, Map.of("path", "/data", "total", 500 * GIB, "used", 440 * GIB,
                "free", 60 * GIB, "percentage", 88.0, "inodes_total", 1000, "inodes_free", 900, "inodes_percent", 10.0)));
        sections.put("system", Map.of("os_name", "Linux", "os_version", "6.1.0", "architecture", "amd64",
                "hostname", "handmade-host", "processor", "Hand CPU 3000", "java_version", "17.0.15",
                "processes", 250, "boot_time", "2026-01-01T08:00:00+01:00", "uptime_seconds", 93_784));
        sections.put("network", Map.of("bytes_sent_per_sec", 2048.0, "bytes_recv_per_sec", 1_048_576.0,
                "bytes_sent", 10 * GIB, "bytes_recv", 20 * GIB, "interfaces", List.of(Map.of("name", "eth0",
                        "bytes_sent_per_sec", 2048.0, "bytes_recv_per_sec", 1_048_576.0, "bytes_sent", 10 * GIB,
                        "bytes_recv", 20 * GIB))));
        sections.put("jvm", Map.of("heap_used", 64L << 20, "heap_committed", 128L << 20, "heap_max", GIB,
                "non_heap_used", 40L << 20, "rss", 200L << 20, "threads", 21, "open_file_descriptors", 60,
                "gc_count", 5, "gc_time_millis", 120, "leak_suspected", false));
        sections.put("gpu", Map.of("count", 2, "gpus", List.of(gpu(0, 45.0, 65.0), gpu(1, 97.0, 91.0))));
        Map<String, Object> java = Map.of("pid", 1234, "name", "java", "user", "app", "cpu_percent", 12.5,
                "rss", 123_456_789, "memory_percent", 0.5, "threads", 31);
        sections.put("processes", Map.of("total", 250, "running", 2, "sleeping", 240, "zombie", 0, "threads", 900,
                "top_cpu", List.of(java), "top_memory", List.of(java)));
        sections.put("disk_io", Map.of("read_bytes_per_sec", 4096.0, "write_bytes_per_sec", 8192.0,
                "reads_per_sec", 1.0, "writes_per_sec", 2.0, "devices", List.of(Map.of("name", "vda",
                        "read_bytes_per_sec", 4096.0, "write_bytes_per_sec", 8192.0, "reads_per_sec", 1.0,
                        "writes_per_sec", 2.0, "busy_percent", 3.5, "read_bytes", GIB, "write_bytes", 2 * GIB))));
        sections.put("sensors", Map.of("temperatures", List.of(Map.of("chip", "coretemp", "label", "Package id 0",
                "current", 45.0, "high", 80.0, "critical", 100.0)),
                "fans", List.of(Map.of("chip", "nct6775", "label", "fan1", "rpm", 900))));
        sections.put("container", Map.of("cgroup_version", 2, "memory_limit", 4 * GIB, "memory_used", GIB,
                "memory_percent", 25.0, "cpu_limit_cores", 2.0, "cpu_percent_of_limit", 40.0,
                "throttled_periods", 12, "throttled_seconds", 0.5));
        Map<String, Object> stall = Map.of("avg10", 1.5, "avg60", 1.0, "avg300", 0.5);
        sections.put("pressure", Map.of("cpu", Map.of("some", stall), "memory", Map.of("some", stall, "full", stall),
                "io", Map.of("some", stall, "full", stall)));
        sections.put("orders", Map.of("pending", 7, "nested", Map.of("oldest_seconds", 12.5),
                "workers", List.of(Map.of("name", "w1", "busy", true))));
        return sections;
    }

    private static Map<String, Object> gpu(int id, double usage, double temperature) {
        return Map.ofEntries(Map.entry("id", id), Map.entry("name", "NVIDIA H200"), Map.entry("driver_version", "550.54"),
                Map.entry("memory_total", 141 * GIB), Map.entry("memory_used", 70 * GIB), Map.entry("memory_free", 71 * GIB),
                Map.entry("gpu_usage_percent", usage), Map.entry("temperature", temperature),
                Map.entry("power_draw", 220.5), Map.entry("power_limit", 700.0));
    }
}
