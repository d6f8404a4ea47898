package io.wsmon.ws.protocol;

import io.wsmon.api.Alert;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SnapshotListener;
import io.wsmon.api.SnapshotSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A snapshot source whose snapshots are handed to it: for serving snapshots that come from elsewhere (a relay, a
 * replay, a synthetic load) and for tests. {@link #publish} delivers to the listeners on the calling
 * thread, keeps a bounded history, and the alerts and running state are whatever was set last.
 *
 * <p>Thread-safe.
 */
public final class InMemoryFeed implements SnapshotSource {

    private final Duration interval;
    private final int historySize;
    private final List<SnapshotListener> listeners = new CopyOnWriteArrayList<>();
    private final Deque<Snapshot> history = new ArrayDeque<>();
    private volatile List<Alert> activeAlerts = List.of();
    private volatile List<Alert> recentAlerts = List.of();
    private volatile boolean running = true;

    /**
     * @param interval the interval reported to clients
     * @param historySize how many snapshots to keep for {@code get_history}
     */
    public InMemoryFeed(Duration interval, int historySize) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval: must be a positive duration, got " + interval);
        }
        if (historySize < 1) {
            throw new IllegalArgumentException("historySize: must be positive, got " + historySize);
        }
        this.interval = interval;
        this.historySize = historySize;
    }

    /**
     * Adds a snapshot to the history and delivers it to every listener, on this thread.
     *
     * @param snapshot the snapshot
     */
    public void publish(Snapshot snapshot) {
        synchronized (history) {
            history.addLast(snapshot);
            if (history.size() > historySize) {
                history.removeFirst();
            }
        }
        for (SnapshotListener listener : listeners) {
            listener.onSnapshot(snapshot);
        }
    }

    /**
     * Sets the alerts reported to clients.
     *
     * @param active the conditions above a threshold now
     * @param recent the last alerts raised, newest last
     */
    public void alerts(List<Alert> active, List<Alert> recent) {
        this.activeAlerts = List.copyOf(active);
        this.recentAlerts = List.copyOf(recent);
    }

    /**
     * Sets whether the feed reports monitoring as active.
     *
     * @param running the state
     */
    public void running(boolean running) {
        this.running = running;
    }

    /**
     * How many listeners are subscribed.
     *
     * @return the count
     */
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
        synchronized (history) {
            return Optional.ofNullable(history.peekLast());
        }
    }

    @Override
    public List<Snapshot> history(int count) {
        synchronized (history) {
            List<Snapshot> all = new ArrayList<>(history);
            return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
        }
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public List<Alert> activeAlerts() {
        return activeAlerts;
    }

    @Override
    public List<Alert> recentAlerts() {
        return recentAlerts;
    }
}
