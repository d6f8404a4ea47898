package io.wsmon.core;

import io.wsmon.api.Snapshot;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The newest snapshots, bounded by count and by age. Thread-safe. */
final class SnapshotHistory {

    private final int maxSize;
    private final Duration maxAge;
    private final ArrayDeque<Snapshot> snapshots = new ArrayDeque<>();

    SnapshotHistory(int maxSize, Duration maxAge) {
        this.maxSize = maxSize;
        this.maxAge = maxAge;
    }

    /** Adds the newest snapshot, dropping the oldest beyond the size and those older than the age. */
    synchronized void add(Snapshot snapshot) {
        snapshots.addLast(snapshot);
        while (snapshots.size() > maxSize) {
            snapshots.removeFirst();
        }
        OffsetDateTime oldest = snapshot.timestamp().minus(maxAge);
        while (snapshots.peekFirst().timestamp().isBefore(oldest)) {
            snapshots.removeFirst();
        }
    }

    /** @return the newest {@code count} snapshots, oldest first */
    synchronized List<Snapshot> last(int count) {
        int n = Math.min(Math.max(count, 0), snapshots.size());
        List<Snapshot> result = new ArrayList<>(n);
        Iterator<Snapshot> newestFirst = snapshots.descendingIterator();
        for (int i = 0; i < n; i++) {
            result.add(newestFirst.next());
        }
        java.util.Collections.reverse(result);
        return result;
    }

    /** @return the snapshots no older than {@code age} before {@code now}, oldest first */
    synchronized List<Snapshot> since(OffsetDateTime cutoff) {
        List<Snapshot> result = new ArrayList<>();
        for (Snapshot snapshot : snapshots) {
            if (!snapshot.timestamp().isBefore(cutoff)) {
                result.add(snapshot);
            }
        }
        return result;
    }

    synchronized int size() {
        return snapshots.size();
    }
}
