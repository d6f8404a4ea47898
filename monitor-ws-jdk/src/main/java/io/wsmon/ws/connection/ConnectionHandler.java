package io.wsmon.ws.connection;

/**
 * What happens on an open WebSocket connection above the framing: the monitoring protocol implements it,
 * one instance per client. Called on the event loop thread; must not block.
 */
public interface ConnectionHandler {

    /** The handshake completed and the client was admitted. */
    void onOpen();

    /**
     * A whole text message arrived (fragments joined, UTF-8 checked).
     *
     * @param message the message
     */
    void onText(String message);

    /**
     * A ping arrived; the connection answers it (with one pong for the latest of the pings pending) unless
     * this closed the connection. Lets the handler count pings against the client's rate limit.
     */
    void onPing();

    /** The connection is closed; called once, after {@link #onOpen()}. */
    void onClosed();
}
