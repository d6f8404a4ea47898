package io.wsmon.ws.testkit;

import io.wsmon.api.http.EndpointContext;
import io.wsmon.api.http.HttpEndpoint;
import io.wsmon.api.http.HttpEndpointProvider;
import io.wsmon.api.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;

/**
 * A provider found with {@code ServiceLoader} in the tests: serves {@code /test/echo} with the settings
 * and the client count it was given, unless the setting {@code test.echo} is {@code off}.
 */
public final class EchoEndpointProvider implements HttpEndpointProvider {

    /** The path served. */
    public static final String PATH = "/test/echo";

    @Override
    public List<HttpEndpoint> endpoints(EndpointContext context) {
        if (context.setting("test.echo").filter("off"::equals).isPresent()) {
            return List.of();
        }
        return List.of(HttpEndpoint.get("echo", PATH, request -> HttpResponse.of(200, "text/plain",
                ("settings=" + new TreeMap<>(context.settings()) + " clients=" + context.connectedClients()
                        + " running=" + context.source().isRunning()).getBytes(StandardCharsets.UTF_8))));
    }
}
