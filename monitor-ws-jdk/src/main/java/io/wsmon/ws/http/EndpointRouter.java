package io.wsmon.ws.http;

import io.wsmon.api.http.HttpEndpoint;
import io.wsmon.api.http.HttpRequest;
import io.wsmon.api.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each plain HTTP request to the {@link HttpEndpoint} that serves its path, exactly as sent: the
 * endpoint with that exact path, failing that the one with the longest matching prefix; no endpoint is
 * 404. A method the endpoint does not list is 405 with {@code Allow}; {@code HEAD} is served as
 * {@code GET} (the caller leaves the body out) when {@code GET} is listed; an endpoint that requires the
 * token gets only requests that carry it (else 403). A handler that throws, or answers with a header
 * that would break the response, is answered with 500 and logged at a bounded rate.
 *
 * <p>A {@code GET /} that no endpoint claims is answered 426, since {@code /} is the WebSocket endpoint.
 *
 * <p>Immutable after construction; {@link #route} runs on the event loop thread.
 */
public final class EndpointRouter {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointRouter.class);
    private static final HttpEndpoint WEBSOCKET_ROOT = new HttpEndpoint("websocket", "/", false, Set.of("GET"),
            false, request -> HttpWire.error(426, "This is a WebSocket endpoint; connect with a WebSocket client",
                    Map.of("Upgrade", "websocket", "Sec-WebSocket-Version", "13")));

    private final Map<String, HttpEndpoint> exact = new HashMap<>();
    private final List<HttpEndpoint> prefixes;
    private final Predicate<HttpRequest> hasToken;
    private long failures;

    /**
     * @param endpoints every endpoint to serve
     * @param hasToken whether a request carries the server's access token; always true when the server
     *     has none
     * @throws IllegalStateException when two endpoints claim the same path and kind, naming both
     */
    public EndpointRouter(List<HttpEndpoint> endpoints, Predicate<HttpRequest> hasToken) {
        Map<String, HttpEndpoint> prefixByPath = new HashMap<>();
        for (HttpEndpoint endpoint : endpoints) {
            Map<String, HttpEndpoint> claimed = endpoint.prefix() ? prefixByPath : exact;
            HttpEndpoint other = claimed.putIfAbsent(endpoint.path(), endpoint);
            if (other != null) {
                throw new IllegalStateException("HTTP endpoints '" + other.name() + "' and '" + endpoint.name()
                        + "' both claim " + (endpoint.prefix() ? "the prefix " : "the path ") + endpoint.path());
            }
        }
        List<HttpEndpoint> sorted = new ArrayList<>(prefixByPath.values());
        sorted.sort(Comparator.comparingInt((HttpEndpoint e) -> e.path().length()).reversed());
        this.prefixes = List.copyOf(sorted);
        this.hasToken = hasToken;
    }

    /**
     * Answers a request that does not ask for a WebSocket.
     *
     * @param request the request, with the path as sent
     * @return the response; its body is to be left out when the request is a {@code HEAD}
     */
    public HttpResponse route(HttpRequest request) {
        HttpEndpoint endpoint = find(request.path());
        if (endpoint == null) {
            return HttpWire.error(404, "No such endpoint: " + abbreviate(request.path()));
        }
        HttpRequest served = request;
        if (!endpoint.methods().contains(request.method())) {
            if (!request.method().equals("HEAD") || !endpoint.methods().contains("GET")) {
                return notAllowed(request, endpoint);
            }
            served = new HttpRequest("GET", request.path(), request.query(), request.version(), request.headers());
        }
        if (endpoint.tokenRequired() && !hasToken.test(request)) {
            return HttpWire.error(403, "Missing or wrong access token");
        }
        return answer(endpoint, served);
    }

    private HttpEndpoint find(String path) {
        HttpEndpoint endpoint = exact.get(path);
        if (endpoint != null) {
            return endpoint;
        }
        for (HttpEndpoint prefix : prefixes) {
            if (prefix.matches(path)) {
                return prefix;
            }
        }
        return path.equals("/") ? WEBSOCKET_ROOT : null;
    }

    private static HttpResponse notAllowed(HttpRequest request, HttpEndpoint endpoint) {
        String allow = String.join(", ", new TreeSet<>(endpoint.methods()));
        return HttpWire.error(405, abbreviate(request.method()) + " is not allowed; use " + allow, Map.of("Allow", allow));
    }

    private HttpResponse answer(HttpEndpoint endpoint, HttpRequest request) {
        try {
            HttpResponse response = endpoint.handler().handle(request);
            if (response == null) {
                throw new IllegalStateException("the handler returned no response");
            }
            HttpWire.checkHeaders(response);
            return response;
        } catch (RuntimeException e) {
            failures++;
            if (Long.bitCount(failures) == 1) {
                LOG.error("HTTP endpoint '{}' failed on {} {} ({} handler failures so far)", endpoint.name(),
                        request.method(), abbreviate(request.path()), failures, e);
            }
            return HttpWire.error(500, "The endpoint failed; see the server log");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
