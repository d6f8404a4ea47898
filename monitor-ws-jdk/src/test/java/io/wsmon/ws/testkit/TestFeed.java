package io.wsmon.ws.testkit;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertLevel;
import io.wsmon.api.MemoryInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.core.json.SnapshotCodec;
import io.wsmon.ws.protocol.InMemoryFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test snapshots on an {@link InMemoryFeed}: each {@link #publish()} makes the next one (sections
 * {@code memory}, {@code load}, and {@code padding} when asked) and delivers it on the calling thread, as
 * the service's delivery thread would.
 */
public final class TestFeed {

    /** The interval the feed reports. */
    public static final Duration INTERVAL = Duration.ofMillis(500);

    private final SnapshotCodec codec = new SnapshotCodec();
    private final Clock clock;
    private final Duration step;
    private final InMemoryFeed feed = new InMemoryFeed(INTERVAL, 1000);
    private long seq;
    private int padding;

    /** A feed whose snapshots are stamped one interval apart from a fixed instant, for exact comparisons. */
    public TestFeed() {
        this(Clock.fixed(Instant.parse("2026-01-03T09:15:30.123456Z"), ZoneOffset.ofHours(1)), INTERVAL);
    }

    private TestFeed(Clock clock, Duration step) {
        this.clock = clock;
        this.step = step;
    }

    /**
     * A feed whose snapshots are stamped with the time they are published, for a server that runs for
     * real (its {@code /healthz} judges a snapshot's age by the system clock).
     *
     * @return the feed
     */
    public static TestFeed live() {
        return new TestFeed(Clock.systemDefaultZone(), Duration.ZERO);
    }

    /**
     * The feed to hand to the server.
     *
     * @return the feed
     */
    public InMemoryFeed feed() {
        return feed;
    }

    /**
     * The clock of the snapshots' timestamps, for the server's reply timestamps too.
     *
     * @return a fixed clock one hour east of UTC, or the system clock for a {@link #live()} feed
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Makes every snapshot carry a {@code padding} section of about this many bytes.
     *
     * @param bytes the padding size
     * @return this
     */
    public TestFeed padding(int bytes) {
        this.padding = bytes;
        return this;
    }

    /**
     * Publishes the next snapshot.
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
        OffsetDateTime at = OffsetDateTime.now(clock).plus(step.multipliedBy(seq));
        Snapshot snapshot = Snapshot.of(seq, at, sections, List.of(), codec::encode);
        feed.publish(snapshot);
        return snapshot;
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
}
