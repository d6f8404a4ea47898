package io.wsmon.ws.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.Snapshot;
import io.wsmon.core.json.SnapshotCodec;
import io.wsmon.core.testing.Snapshots;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The wire format of snapshots: reshaped from their own bytes, reading exactly as a fresh encoding would. */
class MessagesTest {

    private final Messages messages = new Messages(Clock.systemUTC(), "test");
    private final SnapshotCodec codec = new SnapshotCodec();

    @Test
    void data_someSections_isByteForByteWhatTheCodecWouldWrite() {
        Snapshot snapshot = Snapshots.full(4);

        for (Set<String> shape : List.of(Set.of("memory"), Set.of("disk", "gpu"), Set.of("processor", "jvm", "network"))) {
            assertThat(text(messages.data(snapshot, shape)))
                    .isEqualTo(new String(codec.encode(snapshot, "monitoring_data", shape), StandardCharsets.UTF_8));
        }
    }

    @Test
    void data_allSections_isTheSnapshotsOwnBytes() {
        Snapshot snapshot = Snapshots.full(5);

        assertThat(messages.data(snapshot, null)).isEqualTo(snapshot.json());
    }

    @Test
    void snapshot_isTheSnapshotRetyped_withItsAlerts() {
        Snapshot snapshot = Snapshots.full(6);

        assertThat(new String(messages.snapshot(snapshot, null), StandardCharsets.UTF_8))
                .isEqualTo(new String(codec.encode(snapshot, "snapshot", null), StandardCharsets.UTF_8))
                .contains("\"alerts\":[");
        assertThat(new String(messages.snapshot(snapshot, Set.of("nothing")), StandardCharsets.UTF_8))
                .contains("\"data\":{}");
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }
}
