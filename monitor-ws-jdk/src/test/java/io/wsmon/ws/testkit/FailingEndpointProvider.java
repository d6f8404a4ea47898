package io.wsmon.ws.testkit;

import io.wsmon.api.http.EndpointContext;
import io.wsmon.api.http.HttpEndpoint;
import io.wsmon.api.http.HttpEndpointProvider;
import java.util.List;

/** A provider found with {@code ServiceLoader} in the tests that throws when the setting {@code test.fail} is {@code true}. */
public final class FailingEndpointProvider implements HttpEndpointProvider {

    @Override
    public List<HttpEndpoint> endpoints(EndpointContext context) {
        if (context.setting("test.fail").filter("true"::equals).isPresent()) {
            throw new IllegalArgumentException("test.fail: asked to fail, got true");
        }
        return List.of();
    }
}
