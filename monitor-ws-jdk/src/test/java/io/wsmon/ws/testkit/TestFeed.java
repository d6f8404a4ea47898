package io.wsmon.ws.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsmon.api.Alert;
import io.wsmon.api.AlertLevel;
import io.wsmon.api.MemoryInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SnapshotListener;
import io.wsmon.core.json.SnapshotCodec;
import io.wsmon.ws.protocol.MonitoringFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A feed whose snapshots the test publishes by hand, encoded with the real {@link SnapshotCodec}.
 * {@link #publish()} delivers on the calling thread, as the service's delivery thread would.
 */
public final class TestFeed implements MonitoringFeed {

    /** The interval the feed reports. */
    public static final Duration INTERVAL = Duration.ofMillis(500);

    private final SnapshotCodec codec = new SnapshotCodec();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-03T09:15:30.123456Z"), ZoneOffset.ofHours(1));
    private final List<SnapshotListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Snapshot> history = new CopyOnWriteArrayList<>();
    private volatile List<Alert> active = List.of();
    private volatile boolean running = true;
    private long seq;
    private int padding;

    /**
     * Makes every snapshot carry a {@code padding} section of about this many bytes.
     *
     * @param bytes the padding size
     * @return this feed
     */
    public TestFeed padding(int bytes) {
        this.padding = bytes;
        return this;
    }

    /**
     * Publishes the next snapshot: sections {@code memory}, {@code load} and (when set) {@code padding}.
     *
     * @return the snapshot
     */
    public synchronized Snapshot publish() {
        seq++;
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("memory", new MemoryInfo(16L << 30, 8L << 30, 8L << 30, 50.0, null));
        sections.put("load", Map.of("seq_echo", seq));
        if (padding > 0) {
            sections.put("padding", "x".repeat(padding));
        }
        OffsetDateTime at = OffsetDateTime.now(clock).plusNanos(seq * INTERVAL.toNanos());
        Snapshot snapshot = Snapshot.of(seq, at, sections, List.of(), codec::encode);
        history.add(snapshot);
        for (SnapshotListener listener : listeners) {
            listener.onSnapshot(snapshot);
        }
        return snapshot;
    }

    /**
     * Sets the alerts reported as active.
     *
     * @param alerts the active alerts
     */
    public void activeAlerts(List<Alert> alerts) {
        this.active = List.copyOf(alerts);
    }

    /**
     * An alert for tests.
     *
     * @return a memory warning
     */
    public Alert memoryWarning() {
        return new Alert(OffsetDateTime.now(clock), "memory", "usage_percent", null, 85.5, 80.0, AlertLevel.WARNING,
                "High memory usage: 85.5% (threshold: 80.0%)");
    }

    /**
     * Sets whether the feed reports itself running.
     *
     * @param running the state
     */
    public void running(boolean running) {
        this.running = running;
    }

    /** @return how many listeners are subscribed */
    public int listenerCount() {
        return listeners.size();
    }

    @Override
    public AutoCloseable subscribe(SnapshotListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public Optional<Snapshot> currentSnapshot() {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    @Override
    public List<Snapshot> history(int count) {
        List<Snapshot> all = new ArrayList<>(history);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    @Override
    public Duration interval() {
        return INTERVAL;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public List<Alert> activeAlerts() {
        return active;
    }

    @Override
    public List<Alert> recentAlerts() {
        return active;
    }

    @Override
    public byte[] encode(Snapshot snapshot, String type, Set<String> sections) {
        return codec.encode(snapshot, type, sections);
    }

    @Override
    public ObjectMapper mapper() {
        return codec.mapper();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public String serverVersion() {
        return "test-version";
    }
}
