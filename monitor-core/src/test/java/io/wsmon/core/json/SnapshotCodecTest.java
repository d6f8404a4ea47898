package io.wsmon.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wsmon.api.Snapshot;
import io.wsmon.core.testing.Snapshots;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {

    private final SnapshotCodec codec = new SnapshotCodec();

    @Test
    void encode_fullSnapshot_matchesTheGoldenFile() throws IOException {
        Snapshot snapshot = Snapshots.full(1234);

        JsonNode expected = codec.mapper().readTree(golden("monitoring_data.json"));
        JsonNode actual = codec.mapper().readTree(snapshot.jsonText());

        assertThat(actual).isEqualTo(expected);
        assertThat(fieldNames(actual)).containsExactly("type", "seq", "timestamp", "data", "alerts");
        assertThat(fieldNames(actual.get("data")))
                .containsExactly("processor", "memory", "disk", "disks", "system", "network", "jvm", "gpu");
    }

    @Test
    void encode_builtInSections_writeWhatDataBindingWrites() throws IOException {
        Snapshot snapshot = Snapshots.full(5);
        java.util.Map<String, Object> bound = new java.util.LinkedHashMap<>();
        bound.put("type", "monitoring_data");
        bound.put("seq", 5);
        bound.put("timestamp", snapshot.timestamp());
        bound.put("data", snapshot.sections());
        bound.put("alerts", snapshot.alerts());

        assertThat(codec.mapper().readTree(snapshot.jsonText()))
                .isEqualTo(codec.mapper().readTree(codec.mapper().writeValueAsBytes(bound)));
    }

    @Test
    void encode_moreSections_writeWhatDataBindingWrites() throws IOException {
        Snapshot snapshot = Snapshot.of(5, Snapshots.TIMESTAMP, Snapshots.moreSections(), List.of(), codec::encode);

        assertThat(codec.mapper().readTree(snapshot.jsonText()).get("data"))
                .isEqualTo(codec.mapper().readTree(codec.mapper().writeValueAsBytes(snapshot.sections())));
    }

    @Test
    void encode_moreSections_useTheWireNamesOfSpec11() throws IOException {
        JsonNode data = codec.mapper().readTree(
                Snapshot.of(5, Snapshots.TIMESTAMP, Snapshots.moreSections(), List.of(), codec::encode).jsonText())
                .get("data");

        assertThat(fieldNames(data.get("processor").get("times_percent")))
                .containsExactly("user", "system", "nice", "iowait", "irq", "softirq", "steal", "idle");
        assertThat(fieldNames(data.get("processor").get("times_seconds").get(0)))
                .containsExactly("cpu", "user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal");
        assertThat(data.get("processor").get("procs_running").asInt()).isEqualTo(3);
        assertThat(data.get("processor").get("procs_blocked").asInt()).isEqualTo(1);
        assertThat(fieldNames(data.get("disks").get(0))).contains("inodes_total", "inodes_free", "inodes_percent",
                "mountpoint", "device", "fstype");
        assertThat(fieldNames(data.get("processes"))).contains("total", "running", "sleeping", "zombie", "threads",
                "top_cpu", "top_memory");
        assertThat(fieldNames(data.get("processes").get("top_cpu").get(0)))
                .containsExactly("pid", "name", "user", "cpu_percent", "rss", "memory_percent", "threads");
        assertThat(fieldNames(data.get("disk_io"))).containsExactly("read_bytes_per_sec", "write_bytes_per_sec",
                "reads_per_sec", "writes_per_sec", "devices");
        assertThat(fieldNames(data.get("disk_io").get("devices").get(0))).contains("name", "read_bytes_per_sec",
                "write_bytes_per_sec", "reads_per_sec", "writes_per_sec", "busy_percent", "read_bytes", "write_bytes");
        assertThat(fieldNames(data.get("sensors").get("temperatures").get(0)))
                .containsExactly("chip", "label", "current", "high", "critical");
        assertThat(fieldNames(data.get("sensors").get("temperatures").get(1))).containsExactly("chip", "label", "current");
        assertThat(fieldNames(data.get("sensors").get("fans").get(0))).containsExactly("chip", "label", "rpm");
        assertThat(fieldNames(data.get("container"))).containsExactly("cgroup_version", "memory_limit", "memory_used",
                "memory_percent", "cpu_limit_cores", "cpu_percent_of_limit", "throttled_periods", "throttled_seconds");
        assertThat(fieldNames(data.get("pressure").get("cpu"))).containsExactly("some");
        assertThat(fieldNames(data.get("pressure").get("memory"))).containsExactly("some", "full");
        assertThat(fieldNames(data.get("pressure").get("io").get("some"))).contains("avg10", "avg60", "avg300");
    }

    @Test
    void encode_isCompactUtf8_andTheSameBytesAsSnapshotJson() {
        Snapshot snapshot = Snapshots.full(1);
        byte[] encoded = codec.encode(snapshot);

        assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo(snapshot.jsonText()).doesNotContain("\n");
        assertThat(snapshot.jsonText()).startsWith("{\"type\":\"monitoring_data\",\"seq\":1,");
    }

    @Test
    void encode_timestampInUtc_usesNumericOffsetAndMicroseconds() {
        OffsetDateTime utc = OffsetDateTime.of(2026, 1, 3, 9, 15, 30, 0, ZoneOffset.UTC);
        Snapshot snapshot = Snapshot.of(1, utc, Map.of(), List.of(), codec::encode);

        assertThat(snapshot.jsonText()).contains("\"timestamp\":\"2026-01-03T09:15:30.000000+00:00\"");
    }

    @Test
    void encode_nullFields_areAbsentNotNull() throws IOException {
        JsonNode data = codec.mapper().readTree(Snapshots.full(1).jsonText()).get("data");

        assertThat(data.get("jvm").has("memory_growth_per_hour")).isFalse();
        assertThat(data.get("gpu").get("gpus").get(0).has("uuid")).isFalse();
        assertThat(Snapshots.full(1).jsonText()).doesNotContain("null");
    }

    @Test
    void encode_noAlerts_leavesTheFieldOut() {
        Snapshot snapshot = Snapshot.of(1, Snapshots.TIMESTAMP, Snapshots.sections(), List.of(), codec::encode);

        assertThat(snapshot.jsonText()).doesNotContain("\"alerts\"");
    }

    @Test
    void encode_someSectionsAndAnotherType_keepsTheShape() throws IOException {
        byte[] encoded = codec.encode(Snapshots.full(9), "snapshot", Set.of("memory", "disk"));
        JsonNode node = codec.mapper().readTree(encoded);

        assertThat(node.get("type").asText()).isEqualTo("snapshot");
        assertThat(node.get("seq").asLong()).isEqualTo(9);
        assertThat(fieldNames(node.get("data"))).containsExactly("memory", "disk");
    }

    @Test
    void encode_customSectionRecord_usesSnakeCase() {
        record QueueDepth(String queueName, int pendingJobs) {}
        Snapshot snapshot = Snapshot.of(1, Snapshots.TIMESTAMP, Map.of("queue", new QueueDepth("mail", 3)),
                List.of(), codec::encode);

        assertThat(snapshot.jsonText()).contains("\"queue\":{\"queue_name\":\"mail\",\"pending_jobs\":3}");
    }

    @Test
    void encode_customSectionDataBindingCannotWrite_leavesOnlyThatSectionOut() throws IOException {
        record Broken(int value) {
            @Override
            public int value() {
                throw new IllegalStateException("the queue is gone");
            }
        }
        record QueueDepth(int pendingJobs) {}
        Map<String, Object> sections = new java.util.LinkedHashMap<>();
        sections.put("memory", Snapshots.full(1).memory().orElseThrow());
        sections.put("broken", new Broken(1));
        sections.put("queue", new QueueDepth(3));
        Snapshot snapshot = Snapshot.of(7, Snapshots.TIMESTAMP, sections, List.of(), codec::encode);

        JsonNode data = codec.mapper().readTree(snapshot.jsonText()).get("data");

        assertThat(fieldNames(data)).containsExactly("memory", "queue");
        assertThat(data.get("queue").get("pending_jobs").asInt()).isEqualTo(3);
        assertThat(codec.mapper().readTree(codec.encode(snapshot, "history", Set.of("broken", "queue"))).get("data")
                .has("broken")).isFalse();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = SnapshotCodecTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
