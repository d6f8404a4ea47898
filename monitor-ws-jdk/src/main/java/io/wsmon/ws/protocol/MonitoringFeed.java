package io.wsmon.ws.protocol;

import io.wsmon.api.Alert;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SnapshotListener;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.json.SnapshotCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the WebSocket server needs from the monitoring service: its snapshots as they are made, its
 * history and alerts, and its JSON codec. The seam between transport and service, so the server can be
 * fed by anything that produces snapshots.
 *
 * <p>Implementations must be thread-safe.
 */
public interface MonitoringFeed {

    /**
     * Starts delivering every new snapshot.
     *
     * @param listener called on a delivery thread, never concurrently with itself
     * @return closing it stops the delivery
     */
    AutoCloseable subscribe(SnapshotListener listener);

    /**
     * The latest snapshot.
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
     * The collection interval.
     *
     * @return time between ticks
     */
    Duration interval();

    /**
     * Whether the service is collecting.
     *
     * @return true while running
     */
    boolean isRunning();

    /**
     * The conditions above a threshold now.
     *
     * @return the active alerts
     */
    List<Alert> activeAlerts();

    /**
     * The last alerts raised.
     *
     * @return newest last
     */
    List<Alert> recentAlerts();

    /**
     * The service's JSON codec: encodes snapshots (also in other shapes) and holds the mapper, with
     * snake_case names and ISO-8601 timestamps, that encodes every reply.
     *
     * @return the codec
     */
    SnapshotCodec codec();

    /**
     * The service's clock, for the timestamps of replies.
     *
     * @return the clock
     */
    Clock clock();

    /**
     * The version reported as {@code server_version}.
     *
     * @return the version string
     */
    String serverVersion();

    /**
     * The feed of a monitoring service, with reply timestamps from the system clock.
     *
     * @param service the service; its codec encodes every message
     * @return the feed
     */
    static MonitoringFeed of(MonitoringService service) {
        return of(service, Clock.systemDefaultZone());
    }

    /**
     * The feed of a monitoring service.
     *
     * @param service the service; its codec encodes every message
     * @param clock the clock of reply timestamps (use the service's clock)
     * @return the feed
     */
    static MonitoringFeed of(MonitoringService service, Clock clock) {
        return new ServiceFeed(service, clock);
    }
}
