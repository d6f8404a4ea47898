package io.wsmon.ws.http;

import io.wsmon.api.http.EndpointContext;
import io.wsmon.api.http.HttpEndpoint;
import io.wsmon.api.http.HttpEndpointProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@link HttpEndpointProvider}s on the class path with {@link ServiceLoader} and asks each for
 * its endpoints. A provider that cannot be loaded or that throws is logged once and left out; the others
 * load.
 */
public final class EndpointDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointDiscovery.class);

    /** Bounds the loop should the class path keep failing the same way. */
    private static final int MAX_LOAD_FAILURES = 100;

    private EndpointDiscovery() {}

    /**
     * The endpoints of every provider found.
     *
     * @param context what the providers get: the source, the settings, the client count
     * @return their endpoints, in the order the providers were found
     */
    public static List<HttpEndpoint> endpoints(EndpointContext context) {
        List<HttpEndpoint> endpoints = new ArrayList<>();
        Iterator<HttpEndpointProvider> providers = ServiceLoader.load(HttpEndpointProvider.class).iterator();
        for (int failures = 0; failures < MAX_LOAD_FAILURES; ) {
            HttpEndpointProvider provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                LOG.warn("An HTTP endpoint provider could not be loaded; left out: {}", e.getMessage());
                failures++;
                continue;
            }
            endpoints.addAll(endpointsOf(provider, context));
        }
        return endpoints;
    }

    private static List<HttpEndpoint> endpointsOf(HttpEndpointProvider provider, EndpointContext context) {
        String name = provider.getClass().getName();
        try {
            List<HttpEndpoint> provided = provider.endpoints(context);
            if (provided == null) {
                throw new IllegalStateException("it returned null instead of a list");
            }
            LOG.debug("HTTP endpoint provider {} serves {}", name, provided.stream().map(HttpEndpoint::path).toList());
            return provided;
        } catch (Exception | LinkageError e) {
            LOG.warn("HTTP endpoint provider {} failed and is left out: {}", name, e.toString());
            return List.of();
        }
    }
}
