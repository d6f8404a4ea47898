package io.wsmon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapshotTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-01-03T10:15:30.123456+01:00");
    private static final MemoryInfo MEMORY = new MemoryInfo(100, 40, 60, 60.0, null);

    @Test
    void json_encodedOnFirstUseOnly_andShared() {
        AtomicInteger calls = new AtomicInteger();
        Snapshot snapshot = Snapshot.of(7, T0, Map.of(Snapshot.MEMORY, MEMORY), List.of(), (seq, at, sections, alerts) -> {
            calls.incrementAndGet();
            return ("{\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8);
        });
        assertThat(snapshot.memory()).contains(MEMORY);
        assertThat(calls).as("encodings before the JSON is asked for").hasValue(0);

        assertThat(snapshot.jsonText()).isEqualTo("{\"seq\":7}");
        assertThat(snapshot.json().remaining()).isEqualTo(snapshot.jsonLength()).isEqualTo(9);
        assertThat(snapshot.json().isReadOnly()).isTrue();
        assertThat(calls).hasValue(1);
    }

    @Test
    void json_readingOneView_leavesOtherViewsWhole() {
        Snapshot snapshot = Snapshot.of(1, T0, Map.of(), List.of(), (seq, at, sections, alerts) -> "{}".getBytes(StandardCharsets.UTF_8));
        snapshot.json().get();
        assertThat(snapshot.json().remaining()).isEqualTo(2);
    }

    @Test
    void json_givesTheEncoderThePartsItKeeps() {
        Alert alert = new Alert(T0, "memory", "usage_percent", null, 91.0, 90.0, AlertLevel.CRITICAL, "high");
        Snapshot snapshot = Snapshot.of(3, T0, Map.of(Snapshot.MEMORY, MEMORY), List.of(alert),
                (seq, at, sections, alerts) -> {
                    assertThat(seq).isEqualTo(3);
                    assertThat(at).isEqualTo(T0);
                    assertThat(sections).containsEntry(Snapshot.MEMORY, MEMORY);
                    assertThat(alerts).containsExactly(alert);
                    return new byte[0];
                });

        assertThat(snapshot.alerts()).containsExactly(alert);
        assertThat(snapshot.jsonLength()).isZero();
    }

    @Test
    void json_manyThreadsAtOnce_encodeOnceAndShareTheBytes() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Snapshot snapshot = Snapshot.of(7, T0, Map.of(), List.of(), (seq, at, sections, alerts) -> {
            calls.incrementAndGet();
            return "{}".getBytes(StandardCharsets.UTF_8);
        });
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread reader = new Thread(() -> {
                try {
                    go.await();
                    snapshot.jsonLength();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            reader.start();
            readers.add(reader);
        }
        go.countDown();
        for (Thread reader : readers) {
            reader.join();
        }

        assertThat(calls).hasValue(1);
    }

    @Test
    void json_encoderReturningNull_isRefusedWithAReason() {
        Snapshot snapshot = Snapshot.of(3, T0, Map.of(), List.of(), (seq, at, sections, alerts) -> null);

        assertThatThrownBy(snapshot::json)
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("encoder returned null");
    }

    @Test
    void json_encoderFailing_throwsToTheReader_andTheNextReadTriesAgain() {
        AtomicInteger calls = new AtomicInteger();
        Snapshot snapshot = Snapshot.of(3, T0, Map.of(), List.of(), (seq, at, sections, alerts) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("cannot encode section 'queue'");
            }
            return "{}".getBytes(StandardCharsets.UTF_8);
        });

        assertThatThrownBy(snapshot::jsonText).hasMessageContaining("cannot encode section 'queue'");
        assertThat(snapshot.jsonText()).isEqualTo("{}");
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
        Snapshot snapshot = Snapshot.of(1, T0, sections, List.of(), (seq, at, parts, alerts) -> new byte[0]);

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
        Snapshot snapshot = Snapshot.of(1, T0, sections, List.of(), (seq, at, parts, alerts) -> new byte[0]);
        sections.clear();

        assertThat(snapshot.memory()).contains(MEMORY);
        assertThatThrownBy(() -> snapshot.sections().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void writeJson_writesTheEncodedBytes() throws Exception {
        Snapshot snapshot = Snapshot.of(1, T0, Map.of(), List.of(), (seq, at, sections, alerts) -> "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
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
