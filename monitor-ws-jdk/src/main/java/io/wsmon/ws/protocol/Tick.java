package io.wsmon.ws.protocol;

import io.wsmon.api.Snapshot;
import io.wsmon.ws.frame.FrameEncoder;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One snapshot ready to go out: its {@code monitoring_data} frame for each subscription shape, each built
 * once and shared read-only by every client of that shape.
 *
 * <p>Built on the source's delivery thread with the shapes known then; a shape that appears later is
 * encoded on first use, on the event loop thread, which alone reads the tick after it is handed over.
 */
final class Tick {

    private final Snapshot snapshot;
    private final Messages messages;
    private final ByteBuffer full;
    private final Map<Set<String>, ByteBuffer> partial = new HashMap<>();

    private Tick(Snapshot snapshot, Messages messages) {
        this.snapshot = snapshot;
        this.messages = messages;
        this.full = FrameEncoder.sharedText(snapshot.json());
    }

    /**
     * Encodes a snapshot for the whole snapshot and each given shape.
     *
     * @param snapshot the snapshot
     * @param messages the wire format of partial snapshots
     * @param shapes the section sets clients subscribe to now
     * @return the tick
     */
    static Tick prepare(Snapshot snapshot, Messages messages, Set<Set<String>> shapes) {
        Tick tick = new Tick(snapshot, messages);
        for (Set<String> shape : shapes) {
            tick.frame(shape);
        }
        return tick;
    }

    /** @return the snapshot's sequence number */
    long seq() {
        return snapshot.seq();
    }

    /**
     * The frame for a subscription shape.
     *
     * @param sections the sections, or {@code null} for all
     * @return the shared read-only frame
     */
    ByteBuffer frame(Set<String> sections) {
        if (sections == null) {
            return full;
        }
        return partial.computeIfAbsent(sections,
                shape -> FrameEncoder.sharedText(messages.data(snapshot, shape)));
    }
}
