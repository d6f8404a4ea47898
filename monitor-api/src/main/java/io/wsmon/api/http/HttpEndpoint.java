package io.wsmon.api.http;

import java.util.Objects;
import java.util.Set;

/**
 * A path on the WebSocket server's port and what answers it, such as {@code /metrics} or a page.
 * Give one to the server's builder, or have an {@link HttpEndpointProvider} found by
 * {@link java.util.ServiceLoader} return it.
 *
 * <p>A request goes to the endpoint whose path equals its path; failing that, to the endpoint with the
 * longest matching prefix. Two endpoints claiming the same path and kind fail the server's start, naming
 * both.
 *
 * @param name who serves it, named in logs and in the error for two endpoints on one path
 * @param path the path, starting with {@code /}; a prefix endpoint's path ends with {@code /}
 * @param prefix whether every path starting with {@code path} is served
 * @param methods the methods answered (others get 405 with {@code Allow}); {@code HEAD} is answered as
 *     {@code GET} without the body when {@code GET} is listed
 * @param tokenRequired whether a server with an access token asks it of this endpoint's requests
 * @param handler what answers
 */
public record HttpEndpoint(
        String name, String path, boolean prefix, Set<String> methods, boolean tokenRequired, HttpHandler handler) {

    /** Checks every part, naming the one that is wrong. */
    public HttpEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name: must not be blank, got '" + name + "'");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path: must start with '/', got '" + path + "'");
        }
        if (prefix && !path.endsWith("/")) {
            throw new IllegalArgumentException("path: a prefix must end with '/', got '" + path + "'");
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("methods: must not be empty, got " + methods);
        }
        methods = Set.copyOf(methods);
    }

    /**
     * A {@code GET} endpoint on one exact path that requires the token when the server has one.
     *
     * @param name who serves it
     * @param path the path
     * @param handler what answers
     * @return the endpoint
     */
    public static HttpEndpoint get(String name, String path, HttpHandler handler) {
        return new HttpEndpoint(name, path, false, Set.of("GET"), true, handler);
    }

    /**
     * A {@code GET} endpoint for every path under a prefix that requires the token when the server has
     * one.
     *
     * @param name who serves it
     * @param prefix the prefix, ending with {@code /}
     * @param handler what answers
     * @return the endpoint
     */
    public static HttpEndpoint getPrefix(String name, String prefix, HttpHandler handler) {
        return new HttpEndpoint(name, prefix, true, Set.of("GET"), true, handler);
    }

    /**
     * This endpoint, open to requests without the token (a health check, a page's static files).
     *
     * @return a copy that does not require the token
     */
    public HttpEndpoint withoutToken() {
        return new HttpEndpoint(name, path, prefix, methods, false, handler);
    }

    /**
     * Whether this endpoint serves a request path.
     *
     * @param requestPath the path as sent
     * @return true for the exact path, or any path under a prefix
     */
    public boolean matches(String requestPath) {
        return prefix ? requestPath.startsWith(path) : requestPath.equals(path);
    }
}
