package io.wsmon.ws.connection;

import java.nio.ByteBuffer;

/**
 * What the monitoring protocol needs of an open WebSocket connection: a name, two ways to send, and a way
 * to close. {@link Connection} is the one over a socket; a test can be another, without sockets.
 * Called on the event loop thread.
 */
public interface ClientConnection {

    /**
     * A number unique within the server, for logs and the {@code client_id}.
     *
     * @return the id
     */
    long id();

    /**
     * Sends a text message that must not be dropped (a reply).
     *
     * @param utf8 the message's UTF-8 bytes
     */
    void sendText(byte[] utf8);

    /**
     * Sends a reply frame that must not be dropped and that other clients may share (a cached reply).
     *
     * @param frame a complete server frame, read-only; the connection takes its own view
     */
    void sendFrame(ByteBuffer frame);

    /**
     * Offers a data frame: it replaces the previous data frame if that one has not started to go out.
     *
     * @param frame a complete server text frame, shared and read-only
     */
    void sendData(ByteBuffer frame);

    /** Drops the data frame that has not started to go out. */
    void dropData();

    /**
     * Starts the closing handshake.
     *
     * @param code the close code
     * @param reason the reason
     */
    void close(int code, String reason);
}
