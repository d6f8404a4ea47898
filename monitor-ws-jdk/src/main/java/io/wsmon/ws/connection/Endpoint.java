package io.wsmon.ws.connection;

import io.wsmon.api.http.HttpRequest;
import io.wsmon.api.http.HttpResponse;

/**
 * The server side of every connection: plain HTTP, admission of WebSocket clients, and bookkeeping.
 * Called on the event loop thread; must not block.
 */
public interface Endpoint {

    /**
     * Answers a plain HTTP request (one that does not ask for a WebSocket).
     *
     * @param request the request
     * @return the response; the connection closes after it
     */
    HttpResponse serve(HttpRequest request);

    /**
     * Admits a client whose handshake is valid.
     *
     * @param connection the connection, now open
     * @return its protocol handler, or {@code null} when the server is at capacity (the client is then
     *     closed with 1008)
     */
    ConnectionHandler admit(Connection connection);

    /**
     * A request was refused: bad handshake, forbidden origin or token, malformed or oversized request.
     *
     * @param connection the connection
     * @param status the HTTP status sent
     * @param reason why
     */
    void refused(Connection connection, int status, String reason);

    /**
     * Asks to have {@link Connection#onReadable} called on the loop's next turn: the connection's transport
     * holds input the socket will not report again.
     *
     * @param connection the connection
     */
    void readAgain(Connection connection);

    /**
     * The socket is closed. Called once per connection, whatever its state.
     *
     * @param connection the connection
     */
    void closed(Connection connection);
}
