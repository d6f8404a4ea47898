package io.wsmon.ws.connection;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * What a {@link Connection} reads its client's bytes from and writes them to: the socket as it is
 * ({@link PlainTransport}), or a TLS session over it ({@code io.wsmon.ws.tls.TlsTransport}). Reads and
 * writes carry the application's bytes and never block; a TLS transport may hold a little input it has
 * already taken from the socket ({@link #hasBufferedInput()}) and a little output the socket has not
 * taken yet ({@link #hasPendingOutput()}), each at most one TLS record buffer.
 *
 * <p>Confined to the event loop thread.
 */
public interface Transport extends ByteChannel {

    /**
     * Reads the client's bytes.
     *
     * @param dst where they go; a TLS transport needs room for one record's plain text in it
     * @return the bytes read, 0 when none are ready, -1 at the end of the stream
     * @throws RefusedByTransport when the client speaks a protocol this transport does not, after which
     *     the transport passes bytes through as they are, so that a plain HTTP error can be sent
     * @throws IOException when the socket or the TLS session fails
     */
    @Override
    int read(ByteBuffer dst) throws IOException;

    /**
     * Writes as much of {@code src} as the socket accepts now.
     *
     * @param src the bytes
     * @return how many of them were taken
     * @throws IOException when the socket or the TLS session fails
     */
    @Override
    int write(ByteBuffer src) throws IOException;

    /**
     * Whether bytes already taken from the socket wait to be read: the socket will not report them
     * readable, so the connection must read again by itself.
     *
     * @return true when a read now would make progress
     */
    boolean hasBufferedInput();

    /**
     * Whether bytes wait for the socket to take them (TLS records, a close notification).
     *
     * @return true when {@link #flush()} has work to do once the socket is writable
     */
    boolean hasPendingOutput();

    /**
     * Writes what waits, and carries on a TLS handshake that waited for the socket.
     *
     * @throws IOException when the socket or the TLS session fails
     */
    void flush() throws IOException;

    /**
     * Ends the output: a TLS close notification, then the socket's FIN once everything is written.
     *
     * @throws IOException when the socket fails
     */
    void shutdownOutput() throws IOException;

    /**
     * The client's address.
     *
     * @return the remote address, or {@code null} when the socket is closed
     */
    SocketAddress remoteAddress();

    /**
     * What to run, on the event loop, when input became ready without the socket being readable (a TLS
     * handshake step done on another thread). A plain transport never calls it.
     *
     * @param callback the callback
     */
    void onInputReady(Runnable callback);
}
