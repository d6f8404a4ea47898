package io.wsmon.bench.ws;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * The TLS side of one simulated client: a client-mode {@link SSLEngine}, the ciphertext it has not yet
 * unwrapped, the records it has yet to hand out and the plaintext it may not send before the handshake
 * ends. Confined to the load loop thread; the handshake's delegated tasks run inline.
 */
final class ClientTls {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    private ByteBuffer cipherIn;
    private ByteBuffer plainOut;
    private ByteBuffer cipherOut;

    /**
     * @param engine a client-mode engine whose handshake has not begun
     * @throws SSLException when the handshake cannot begin
     */
    ClientTls(SSLEngine engine) throws SSLException {
        this.engine = engine;
        engine.beginHandshake();
    }

    /**
     * Encrypts plaintext, after whatever the handshake needs to send; plaintext given during the handshake
     * is kept until it ends.
     *
     * @param plain the bytes to send, or {@code null} for handshake data only
     * @return the records to write, possibly empty
     * @throws SSLException when the engine fails
     */
    ByteBuffer wrap(ByteBuffer plain) throws SSLException {
        if (plain != null && plain.hasRemaining()) {
            plainOut = plainOut == null ? plain
                    : ByteBuffer.allocate(plainOut.remaining() + plain.remaining()).put(plainOut).put(plain).flip();
        }
        handshake();
        while (plainOut != null && plainOut.hasRemaining() && !handshaking()) {
            wrapOnce(plainOut);
            handshake();
        }
        if (plainOut != null && !plainOut.hasRemaining()) {
            plainOut = null;
        }
        if (cipherOut == null) {
            return EMPTY;
        }
        ByteBuffer out = cipherOut.flip();
        cipherOut = null;
        return out;
    }

    /**
     * Decrypts what was read; a partial record is kept for the next call. Call {@link #wrap} with
     * {@code null} afterwards: the handshake may have something to answer.
     *
     * @param cipher the bytes read from the socket, consumed entirely
     * @param plain where the plaintext goes; cleared first
     * @return the plaintext, ready to read: {@code plain}, or a bigger buffer when it was too small
     * @throws SSLException when the engine fails or the server closed the TLS session
     */
    ByteBuffer unwrap(ByteBuffer cipher, ByteBuffer plain) throws SSLException {
        ByteBuffer in = cipher;
        if (cipherIn != null) {
            in = ByteBuffer.allocate(cipherIn.remaining() + cipher.remaining()).put(cipherIn).put(cipher).flip();
            cipherIn = null;
        }
        plain.clear();
        while (in.hasRemaining()) {
            handshake();
            SSLEngineResult result = engine.unwrap(in, plain);
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                plain = ByteBuffer.allocate(plain.capacity() * 2).put(plain.flip());
            } else if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new SSLException("TLS closed by the server");
            } else if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW
                    || result.bytesConsumed() == 0 && engine.getHandshakeStatus() != HandshakeStatus.NEED_WRAP
                    && engine.getHandshakeStatus() != HandshakeStatus.NEED_TASK) {
                break;
            }
        }
        if (in.hasRemaining()) {
            cipherIn = ByteBuffer.allocate(in.remaining()).put(in).flip();
        }
        return plain.flip();
    }

    private boolean handshaking() {
        HandshakeStatus status = engine.getHandshakeStatus();
        return status != HandshakeStatus.NOT_HANDSHAKING && status != HandshakeStatus.FINISHED;
    }

    /** Runs the handshake's tasks and wraps what it must send now. */
    private void handshake() throws SSLException {
        while (true) {
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                Runnable task;
                while ((task = engine.getDelegatedTask()) != null) {
                    task.run();
                }
            } else if (status == HandshakeStatus.NEED_WRAP) {
                wrapOnce(EMPTY);
            } else {
                return;
            }
        }
    }

    private void wrapOnce(ByteBuffer source) throws SSLException {
        if (cipherOut == null) {
            cipherOut = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        }
        SSLEngineResult result = engine.wrap(source, cipherOut);
        if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            cipherOut = ByteBuffer.allocate(cipherOut.capacity() * 2).put(cipherOut.flip());
        } else if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
            throw new SSLException("TLS closed while sending");
        }
    }
}
