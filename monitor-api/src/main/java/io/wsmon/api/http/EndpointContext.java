package io.wsmon.api.http;

import io.wsmon.api.SnapshotSource;
import java.util.Map;
import java.util.Optional;

/** What an {@link HttpEndpointProvider} gets from the server that will serve its endpoints. */
public interface EndpointContext {

    /**
     * The snapshots the server streams.
     *
     * @return the source
     */
    SnapshotSource source();

    /**
     * Extension settings, as given to the service ({@code metrics}, {@code dashboard}, ...).
     *
     * @return every setting by key
     */
    Map<String, String> settings();

    /**
     * One setting.
     *
     * @param key the key
     * @return its value, or empty when not set
     */
    default Optional<String> setting(String key) {
        return Optional.ofNullable(settings().get(key));
    }

    /**
     * WebSocket clients connected now.
     *
     * @return the count
     */
    int connectedClients();
}
