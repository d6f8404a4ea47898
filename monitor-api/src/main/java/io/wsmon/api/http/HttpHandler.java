package io.wsmon.api.http;

/**
 * Answers the requests of one {@link HttpEndpoint}.
 *
 * <p>Called on the server's event-loop thread, which also serves every WebSocket client: answer from
 * memory (the newest snapshot, a resource loaded at start) and never block on I/O or locks held for
 * long. An exception is answered with 500 and logged; it does not harm the server.
 */
@FunctionalInterface
public interface HttpHandler {

    /**
     * Answers one request.
     *
     * @param request the request head (the server reads no request body)
     * @return the response
     */
    HttpResponse handle(HttpRequest request);
}
