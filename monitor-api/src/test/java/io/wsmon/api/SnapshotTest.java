package io.wsmon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapshotTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-01-03T10:15:30.123456+01:00");
    private static final MemoryInfo MEMORY = new MemoryInfo(100, 40, 60, 60.0, null);

    @Test
    void of_callsTheEncoderOnce_andSharesItsBytes() {
        AtomicInteger calls = new AtomicInteger();
        Snapshot snapshot = Snapshot.of(7, T0, Map.of(Snapshot.MEMORY, MEMORY), List.of(), s -> {
            calls.incrementAndGet();
            return ("{\"seq\":" + s.seq() + "}").getBytes(StandardCharsets.UTF_8);
        });

        assertThat(snapshot.jsonText()).isEqualTo("{\"seq\":7}");
        assertThat(snapshot.json().remaining()).isEqualTo(snapshot.jsonLength()).isEqualTo(9);
        assertThat(snapshot.json().isReadOnly()).isTrue();
        assertThat(calls).hasValue(1);
    }

    @Test
    void json_readingOneView_leavesOtherViewsWhole() {
        Snapshot snapshot = Snapshot.of(1, T0, Map.of(), List.of(), s -> "{}".getBytes(StandardCharsets.UTF_8));
        snapshot.json().get();
        assertThat(snapshot.json().remaining()).isEqualTo(2);
    }

    @Test
    void json_askedForByTheEncoder_isRefusedWithAReason() {
        assertThatThrownBy(() -> Snapshot.of(3, T0, Map.of(), List.of(), s -> {
                    s.json();
                    return new byte[0];
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("snapshot 3 is being encoded");
    }

    @Test
    void typedAccessors_findBuiltInSections_andIgnoreOtherTypes() {
        DiskInfo root = new DiskInfo("/", 10, 4, 6, 40.0);
        DiskInfo data = new DiskInfo("/data", 10, 9, 1, 90.0);
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put(Snapshot.MEMORY, MEMORY);
        sections.put(Snapshot.DISK, root);
        sections.put(Snapshot.DISKS, List.of(root, data));
        sections.put(Snapshot.PROCESSOR, "not a ProcessorInfo");
        Snapshot snapshot = Snapshot.of(1, T0, sections, List.of(), s -> new byte[0]);

        assertThat(snapshot.memory()).contains(MEMORY);
        assertThat(snapshot.disk()).contains(root);
        assertThat(snapshot.disks()).containsExactly(root, data);
        assertThat(snapshot.processor()).isEmpty();
        assertThat(snapshot.gpu()).isEmpty();
        assertThat(snapshot.sections().keySet()).containsExactly("memory", "disk", "disks", "processor");
    }

    @Test
    void sections_cannotBeChangedAfterwards() {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put(Snapshot.MEMORY, MEMORY);
        Snapshot snapshot = Snapshot.of(1, T0, sections, List.of(), s -> new byte[0]);
        sections.clear();

        assertThat(snapshot.memory()).contains(MEMORY);
        assertThatThrownBy(() -> snapshot.sections().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void writeJson_writesTheEncodedBytes() throws Exception {
        Snapshot snapshot = Snapshot.of(1, T0, Map.of(), List.of(), s -> "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        snapshot.writeJson(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void gpuMemoryPercent_isNullWhenUnknown() {
        GpuDevice known = new GpuDevice(0, "g", null, null, 200L, 50L, 150L,
                null, null, null, null, null, null, null, null, null);
        GpuDevice unknown = new GpuDevice(1, "g", null, null, null, 50L, null,
                null, null, null, null, null, null, null, null, null);
        assertThat(known.memoryPercent()).isEqualTo(25.0);
        assertThat(unknown.memoryPercent()).isNull();
    }

    @Test
    void alertLevel_isOrdered() {
        assertThat(AlertLevel.CRITICAL.isAtLeast(AlertLevel.WARNING)).isTrue();
        assertThat(AlertLevel.WARNING.isAtLeast(AlertLevel.CRITICAL)).isFalse();
        assertThat(AlertLevel.WARNING.isAtLeast(AlertLevel.WARNING)).isTrue();
    }
}
