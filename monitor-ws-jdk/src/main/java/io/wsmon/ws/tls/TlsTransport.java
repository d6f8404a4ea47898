package io.wsmon.ws.tls;

import io.wsmon.ws.connection.RefusedByTransport;
import io.wsmon.ws.connection.StagingBuffers;
import io.wsmon.ws.connection.Transport;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * TLS between the socket and the connection, on the event loop, through the JDK's {@link SSLEngine}.
 *
 * <p>Records go through two native buffers borrowed from the loop's record pool: one for ciphertext read
 * but not yet decrypted, one for ciphertext not yet taken by the socket. Each is held only while it has
 * bytes, so an idle client holds neither, and neither grows: a client that does not read its records gets
 * no more plain text taken from its queue ({@link #write} answers 0), so its pending bytes stay bounded
 * as on a plain socket and the send timeout applies as there. The handshake's heavy steps (the engine's
 * delegated tasks: key exchange, signing) run on the handshake executor; the connection waits for them
 * without holding the loop.
 *
 * <p>A client whose first byte is not a TLS handshake record (plain HTTP on a TLS port) is refused:
 * {@link #read} throws {@link RefusedByTransport}, and from then on the transport passes bytes through
 * untouched so that the connection's plain {@code 400} reaches the client.
 *
 * <p>Confined to the event loop thread, but for the delegated tasks.
 */
public final class TlsTransport implements Transport {

    private static final byte HANDSHAKE_RECORD = 0x16;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** Bounds the steps of one call, so that a peer cannot keep the loop in an endless handshake. */
    private static final int MAX_STEPS = 64;

    private final SocketChannel channel;
    private final SSLEngine engine;
    private final StagingBuffers records;
    private final Executor handshakeTasks;
    private final Executor loop;
    private final int packetBytes;
    private final int applicationBytes;
    private Runnable onInputReady = () -> { };
    /** Ciphertext read and not yet unwrapped, in fill mode; {@code null} when there is none. */
    private ByteBuffer netIn;
    /** Ciphertext wrapped and not yet written, in fill mode; {@code null} when there is none. */
    private ByteBuffer netOut;
    private boolean firstByteChecked;
    private boolean plain;
    private boolean tasksRunning;
    private boolean inputReady;
    private boolean socketEnded;
    private boolean inboundDone;
    private boolean shutdownAsked;
    private boolean outputShut;

    /**
     * @param channel the accepted, non-blocking socket
     * @param engine a server-mode engine for it
     * @param records the loop's pool of record buffers, each at least one packet of the engine
     * @param handshakeTasks runs the engine's delegated tasks
     * @param loop the event loop, where the connection goes on once the tasks are done
     */
    TlsTransport(SocketChannel channel, SSLEngine engine, StagingBuffers records, Executor handshakeTasks, Executor loop) {
        this.channel = channel;
        this.engine = engine;
        this.records = records;
        this.handshakeTasks = handshakeTasks;
        this.loop = loop;
        this.packetBytes = engine.getSession().getPacketBufferSize();
        this.applicationBytes = engine.getSession().getApplicationBufferSize();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (plain) {
            return channel.read(dst);
        }
        inputReady = false;
        if (tasksRunning) {
            return 0;
        }
        readSocket();
        if (!firstByteChecked && netIn != null && netIn.position() > 0) {
            firstByteChecked = true;
            if (netIn.get(0) != HANDSHAKE_RECORD) {
                plain = true;
                releaseBuffers();
                throw new RefusedByTransport(400, "This port speaks TLS: use https:// or wss://");
            }
        }
        int produced;
        try {
            produced = advance(dst);
        } catch (SSLException e) {
            sendAlert();
            throw e;
        }
        releaseEmpty();
        if (produced > 0) {
            inputReady |= socketEnded;
            return produced;
        }
        return inboundDone || (socketEnded && !inputReady) ? -1 : 0;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (plain) {
            return channel.write(src);
        }
        if (tasksRunning || shutdownAsked) {
            return 0;
        }
        int consumed = 0;
        for (int step = 0; step < MAX_STEPS && src.hasRemaining() && roomToWrap(); step++) {
            SSLEngineResult result = engine.wrap(src, borrowNetOut());
            consumed += result.bytesConsumed();
            if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                startTasks();
                break;
            }
            if (result.getStatus() != SSLEngineResult.Status.OK
                    || result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
                break;
            }
        }
        writeNetOut();
        return consumed;
    }

    @Override
    public boolean hasBufferedInput() {
        return inputReady && !tasksRunning;
    }

    @Override
    public boolean hasPendingOutput() {
        return netOut != null || shutdownAsked && !outputShut;
    }

    @Override
    public void flush() throws IOException {
        if (plain) {
            finishShutdown();
            return;
        }
        if (!tasksRunning) {
            advance(null);
        }
        writeNetOut();
        if (netOut == null && engine.isOutboundDone()) {
            finishShutdown();
        }
    }

    @Override
    public void shutdownOutput() throws IOException {
        shutdownAsked = true;
        if (!plain) {
            engine.closeOutbound();
        }
        flush();
    }

    @Override
    public SocketAddress remoteAddress() {
        try {
            return channel.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void onInputReady(Runnable callback) {
        this.onInputReady = callback;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        releaseBuffers();
        channel.close();
    }

    /**
     * Runs the handshake as far as it can go now and unwraps what was read into {@code dst}.
     *
     * @param dst where plain text goes; {@code null} when called to write, not to read
     * @return the plain-text bytes produced
     */
    private int advance(ByteBuffer dst) throws IOException {
        int produced = 0;
        for (int step = 0; step < MAX_STEPS; step++) {
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                startTasks();
                return produced;
            }
            if (status == HandshakeStatus.NEED_WRAP) {
                if (!roomToWrap()) {
                    return produced;
                }
                SSLEngineResult result = engine.wrap(EMPTY, borrowNetOut());
                if (result.getStatus() == SSLEngineResult.Status.CLOSED && result.bytesProduced() == 0) {
                    return produced;
                }
                continue;
            }
            if (netIn == null || netIn.position() == 0 || inboundDone) {
                return produced;
            }
            if (dst == null || dst.remaining() < applicationBytes) {
                inputReady = true;
                return produced;
            }
            netIn.flip();
            SSLEngineResult result;
            try {
                result = engine.unwrap(netIn, dst);
            } finally {
                netIn.compact();
            }
            produced += result.bytesProduced();
            switch (result.getStatus()) {
                case BUFFER_UNDERFLOW -> {
                    return produced;
                }
                case BUFFER_OVERFLOW -> {
                    inputReady = true;
                    return produced;
                }
                case CLOSED -> {
                    inboundDone = true;
                    return produced;
                }
                case OK -> {
                    if (result.bytesConsumed() == 0 && result.bytesProduced() == 0
                            && result.getHandshakeStatus() == status) {
                        return produced;
                    }
                }
            }
        }
        inputReady = true;
        return produced;
    }

    private void readSocket() throws IOException {
        if (socketEnded) {
            return;
        }
        if (netIn == null) {
            netIn = records.borrow();
        }
        if (netIn.hasRemaining() && channel.read(netIn) < 0) {
            socketEnded = true;
        }
    }

    /** Makes room for one more record in the output buffer, writing what waits first when needed. */
    private boolean roomToWrap() throws IOException {
        if (netOut != null && netOut.remaining() < packetBytes) {
            writeNetOut();
        }
        return netOut == null || netOut.remaining() >= packetBytes;
    }

    private ByteBuffer borrowNetOut() {
        if (netOut == null) {
            netOut = records.borrow();
        }
        return netOut;
    }

    private void writeNetOut() throws IOException {
        if (netOut == null) {
            return;
        }
        netOut.flip();
        try {
            channel.write(netOut);
        } finally {
            netOut.compact();
        }
        if (netOut.position() == 0) {
            records.giveBack(netOut);
            netOut = null;
        }
    }

    private void finishShutdown() throws IOException {
        if (shutdownAsked && !outputShut && netOut == null) {
            outputShut = true;
            channel.shutdownOutput();
        }
    }

    /** After a failed unwrap the engine has an alert to send; it goes out if the socket takes it now. */
    private void sendAlert() {
        try {
            engine.closeOutbound();
            for (int step = 0; step < 4 && engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP && roomToWrap(); step++) {
                engine.wrap(EMPTY, borrowNetOut());
            }
            writeNetOut();
        } catch (IOException | RuntimeException ignored) {
            // the connection fails either way; the alert is a courtesy
        }
    }

    private void startTasks() throws IOException {
        tasksRunning = true;
        try {
            handshakeTasks.execute(this::runTasks);
        } catch (RejectedExecutionException e) {
            throw new IOException("TLS handshake executor stopped", e);
        }
    }

    /** On the handshake executor: runs the engine's tasks, then hands the connection back to the loop. */
    private void runTasks() {
        try {
            Runnable task;
            while ((task = engine.getDelegatedTask()) != null) {
                task.run();
            }
        } catch (RuntimeException e) {
            // the engine keeps the failure and reports it at the next wrap or unwrap
        } finally {
            loop.execute(() -> {
                tasksRunning = false;
                inputReady = true;
                onInputReady.run();
            });
        }
    }

    private void releaseEmpty() {
        if (netIn != null && netIn.position() == 0) {
            records.giveBack(netIn);
            netIn = null;
        }
    }

    private void releaseBuffers() {
        if (netIn != null) {
            records.giveBack(netIn);
            netIn = null;
        }
        if (netOut != null) {
            records.giveBack(netOut);
            netOut = null;
        }
    }
}
