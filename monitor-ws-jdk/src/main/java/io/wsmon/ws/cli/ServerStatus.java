package io.wsmon.ws.cli;

import io.wsmon.api.Alert;
import java.util.List;

/**
 * What the console view shows besides the snapshot.
 *
 * @param address where the server listens, for example {@code ws://0.0.0.0:8765/}
 * @param connectedClients clients connected now
 * @param maxClients clients served at once
 * @param refusedRequests handshakes refused since start
 * @param activeAlerts conditions above a threshold now
 * @param recentAlerts the last alerts raised, oldest first
 */
record ServerStatus(
        String address,
        int connectedClients,
        int maxClients,
        long refusedRequests,
        List<Alert> activeAlerts,
        List<Alert> recentAlerts) {}
