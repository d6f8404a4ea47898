package io.wsmon.prometheus;

import io.wsmon.api.Alert;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SnapshotListener;
import io.wsmon.api.SnapshotSource;
import io.wsmon.api.http.EndpointContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A snapshot source holding one snapshot and its alerts, and an endpoint context around it. */
record FixedSource(Snapshot snapshot, List<Alert> alerts) implements SnapshotSource {

    @Override
    public AutoCloseable subscribe(SnapshotListener listener) {
        return () -> {};
    }

    @Override
    public Optional<Snapshot> currentSnapshot() {
        return Optional.ofNullable(snapshot);
    }

    @Override
    public List<Snapshot> history(int count) {
        return snapshot == null ? List.of() : List.of(snapshot);
    }

    @Override
    public Duration interval() {
        return Duration.ofMillis(500);
    }

    @Override
    public boolean isRunning() {
        return true;
    }

    @Override
    public List<Alert> activeAlerts() {
        return alerts;
    }

    @Override
    public List<Alert> recentAlerts() {
        return alerts;
    }

    /** This source as a server hands it to endpoint providers. */
    EndpointContext context(Map<String, String> settings, int clients) {
        SnapshotSource source = this;
        return new EndpointContext() {
            @Override
            public SnapshotSource source() {
                return source;
            }

            @Override
            public Map<String, String> settings() {
                return settings;
            }

            @Override
            public int connectedClients() {
                return clients;
            }
        };
    }
}
