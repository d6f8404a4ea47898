package io.wsmon.api.http;

import java.util.List;

/**
 * Adds endpoints to the WebSocket server's port from a module on the class path, without the server
 * knowing it: list the class in {@code META-INF/services/io.wsmon.api.http.HttpEndpointProvider} with a
 * public no-argument constructor. A provider that throws is logged and left out; the others load.
 */
public interface HttpEndpointProvider {

    /**
     * The endpoints to serve, read from the context's settings (return none when turned off, for
     * example by a {@code metrics=false} setting).
     *
     * @param context the server's snapshot source, settings and figures
     * @return the endpoints; may be empty
     * @throws Exception when a setting is wrong; the message names it
     */
    List<HttpEndpoint> endpoints(EndpointContext context) throws Exception;
}
