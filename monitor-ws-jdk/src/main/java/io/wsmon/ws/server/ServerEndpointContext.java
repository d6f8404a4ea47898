package io.wsmon.ws.server;

import io.wsmon.api.SnapshotSource;
import io.wsmon.api.http.EndpointContext;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What the server gives its endpoint providers.
 *
 * @param source the snapshots the server streams
 * @param settings the settings of the server's builder
 * @param clients counts the WebSocket clients connected now
 */
record ServerEndpointContext(SnapshotSource source, Map<String, String> settings, IntSupplier clients)
        implements EndpointContext {

    @Override
    public int connectedClients() {
        return clients.getAsInt();
    }
}
