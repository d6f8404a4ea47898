package io.wsmon.api;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where snapshots come from, as a transport or an endpoint sees it: the newest one, the recent ones, new
 * ones as they are made, and the alerts. The running {@code MonitoringService} is one; a test or an
 * embedder that makes snapshots by other means can implement it without any transport module.
 *
 * <p>Implementations must be thread-safe.
 */
public interface SnapshotSource {

    /**
     * Starts delivering every new snapshot.
     *
     * @param listener called on a delivery thread, never concurrently with itself, skipping to the newest
     *     snapshot when it falls behind
     * @return closing it stops the delivery
     */
    AutoCloseable subscribe(SnapshotListener listener);

    /**
     * The newest snapshot.
     *
     * @return it, or empty before the first tick
     */
    Optional<Snapshot> currentSnapshot();

    /**
     * The most recent snapshots.
     *
     * @param count how many at most
     * @return oldest first, newest last
     */
    List<Snapshot> history(int count);

    /**
     * The time between two snapshots.
     *
     * @return the collection interval
     */
    Duration interval();

    /**
     * Whether snapshots are being made.
     *
     * @return true while running
     */
    boolean isRunning();

    /**
     * The conditions above an alert threshold now.
     *
     * @return the active alerts
     */
    List<Alert> activeAlerts();

    /**
     * The last alerts raised.
     *
     * @return oldest first, newest last
     */
    List<Alert> recentAlerts();

    /**
     * The source's health, as {@code /healthz} reports it. By default the rules every source shares
     * ({@link SourceHealth#of}); a source that knows more, such as a failing monitor, says so.
     *
     * @return the health now
     */
    default SourceHealth health() {
        return SourceHealth.of(this, Clock.systemUTC());
    }
}
