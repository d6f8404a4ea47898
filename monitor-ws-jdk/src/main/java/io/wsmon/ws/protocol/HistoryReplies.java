package io.wsmon.ws.protocol;

import io.wsmon.api.Snapshot;
import io.wsmon.ws.frame.FrameEncoder;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The last few {@code history} reply frames, shared by every client that asks for the same snapshots in
 * the same shape: fifty clients asking for the last thousand snapshots between two ticks cost one encoded
 * reply, not fifty, and a slow reader holds a view of it, not a copy.
 *
 * <p>Confined to the event loop thread.
 */
final class HistoryReplies {

    private static final int KEPT = 4;

    private final BiFunction<List<Snapshot>, Set<String>, byte[]> encoder;
    private final Map<Key, ByteBuffer> frames = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ByteBuffer> eldest) {
            return size() > KEPT;
        }
    };

    /**
     * @param encoder makes the reply's JSON from the snapshots, oldest first, and the sections
     */
    HistoryReplies(BiFunction<List<Snapshot>, Set<String>, byte[]> encoder) {
        this.encoder = encoder;
    }

    /**
     * The reply frame for these snapshots.
     *
     * @param snapshots consecutive snapshots, oldest first, as the feed's history returns them
     * @param sections the sections asked for, or {@code null} for all
     * @return a shared read-only frame
     */
    ByteBuffer frame(List<Snapshot> snapshots, Set<String> sections) {
        Key key = snapshots.isEmpty() ? new Key(0, 0, 0, sections)
                : new Key(snapshots.get(0).seq(), snapshots.get(snapshots.size() - 1).seq(), snapshots.size(), sections);
        return frames.computeIfAbsent(key, k -> FrameEncoder.text(encoder.apply(snapshots, sections)));
    }

    /** Which snapshots, in which shape: a history is a run of consecutive snapshots. */
    private record Key(long oldestSeq, long newestSeq, int count, Set<String> sections) {}
}
