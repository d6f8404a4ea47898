package io.wsmon.bench.ws;

import io.wsmon.api.DiskInfo;
import io.wsmon.api.MemoryInfo;
import io.wsmon.api.ProcessorInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.core.json.SnapshotCodec;
import io.wsmon.ws.protocol.InMemoryFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes a snapshot of a fixed size every interval without collecting anything, so a load test
 * measures the fan-out alone, and the peer server broadcasts the very same bytes.
 */
final class SyntheticFeed implements AutoCloseable {

    private final SnapshotCodec codec = new SnapshotCodec();
    private final Clock clock = Clock.systemDefaultZone();
    private final InMemoryFeed feed;
    private final Duration interval;
    private final int payloadBytes;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "synthetic-feed");
        thread.setDaemon(true);
        return thread;
    });
    private long seq;

    /**
     * @param interval time between snapshots
     * @param payloadBytes the approximate size of each {@code monitoring_data} message
     */
    SyntheticFeed(Duration interval, int payloadBytes) {
        this(interval, payloadBytes, 100);
    }

    /**
     * @param interval time between snapshots
     * @param payloadBytes the approximate size of each {@code monitoring_data} message
     * @param historySize snapshots kept for {@code get_history}
     */
    SyntheticFeed(Duration interval, int payloadBytes, int historySize) {
        this.interval = interval;
        this.payloadBytes = payloadBytes;
        this.feed = new InMemoryFeed(interval, historySize);
    }

    /**
     * Publishes snapshots at once, so that a history is full from the start.
     *
     * @param count how many
     */
    void prefill(int count) {
        for (int i = 0; i < count; i++) {
            publish();
        }
    }

    /** @return the feed to serve */
    InMemoryFeed feed() {
        return feed;
    }

    /** Starts publishing. */
    void start() {
        timer.scheduleAtFixedRate(this::publish, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void publish() {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put(Snapshot.PROCESSOR, new ProcessorInfo(25.5, Collections.nCopies(8, 20.1), 4, 8, 2495.0, 3700.0,
                List.of(0.5, 0.6, 0.7)));
        sections.put(Snapshot.MEMORY, new MemoryInfo(17179869184L, 8589934592L, 8589934592L, 50.0, null));
        sections.put(Snapshot.DISK, new DiskInfo("/", 500107862016L, 250053931008L, 250053931008L, 50.0));
        Snapshot probe = Snapshot.of(seq + 1, OffsetDateTime.now(clock), sections, List.of(), codec::encode);
        int padding = payloadBytes - probe.jsonLength() - 16;
        if (padding > 0) {
            sections.put("padding", "x".repeat(padding));
        }
        feed.publish(Snapshot.of(++seq, probe.timestamp(), sections, List.of(), codec::encode));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
