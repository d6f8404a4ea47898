package io.wsmon.ws.protocol;

import io.wsmon.api.Alert;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SnapshotListener;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.Version;
import io.wsmon.core.json.SnapshotCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A {@link MonitoringFeed} backed by a {@link MonitoringService}. */
final class ServiceFeed implements MonitoringFeed {

    private final MonitoringService service;
    private final Clock clock;

    ServiceFeed(MonitoringService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public AutoCloseable subscribe(SnapshotListener listener) {
        return service.subscribe(listener);
    }

    @Override
    public Optional<Snapshot> currentSnapshot() {
        return service.currentSnapshot();
    }

    @Override
    public List<Snapshot> history(int count) {
        return service.history(count);
    }

    @Override
    public Duration interval() {
        return service.interval();
    }

    @Override
    public boolean isRunning() {
        return service.isRunning();
    }

    @Override
    public List<Alert> activeAlerts() {
        return service.activeAlerts();
    }

    @Override
    public List<Alert> recentAlerts() {
        return service.recentAlerts();
    }

    @Override
    public SnapshotCodec codec() {
        return service.codec();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public String serverVersion() {
        return Version.current();
    }
}
