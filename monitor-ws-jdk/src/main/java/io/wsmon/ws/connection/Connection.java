package io.wsmon.ws.connection;

import io.wsmon.api.http.HttpRequest;
import io.wsmon.api.http.HttpResponse;
import io.wsmon.ws.frame.CloseCode;
import io.wsmon.ws.frame.CloseFrames;
import io.wsmon.ws.frame.Frame;
import io.wsmon.ws.frame.FrameEncoder;
import io.wsmon.ws.frame.MessageAssembler;
import io.wsmon.ws.frame.Opcode;
import io.wsmon.ws.frame.ProtocolException;
import io.wsmon.ws.handshake.Handshake;
import io.wsmon.ws.handshake.HandshakeResult;
import io.wsmon.ws.http.HttpException;
import io.wsmon.ws.http.HttpWire;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;

/**
 * One client socket and its state machine: {@code HANDSHAKE} (reading an HTTP request head) →
 * {@code OPEN} (WebSocket frames) → {@code CLOSING} (close frame or HTTP response sent, waiting for the
 * client to hang up) → {@code CLOSED}.
 *
 * <p>It answers pings (only the latest pending one, and each counted by the handler against the client's
 * rate limit), echoes the client's close code, fails the connection with the right code on bad frames,
 * pings an idle client, and drops a client whose socket accepts nothing for the send timeout or whose
 * oldest reply has waited longer than it. It stops reading commands while the client's pending replies
 * hold more heap than the bound, and writes only to a socket that took everything last time or that the
 * selector reported writable since. Bytes not yet consumed are kept only while a frame or request head is
 * incomplete, so an idle client costs no read buffer.
 *
 * <p>It speaks through a {@link Transport}: the socket itself, or TLS over it. A transport that holds
 * input the socket will not report again has the connection read once more on the loop's next turn
 * ({@link Endpoint#readAgain}).
 *
 * <p>Confined to the event loop thread: every method must be called there.
 */
public final class Connection implements ClientConnection {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** The most one connection writes per turn, so that large replies to many clients share the loop fairly. */
    private static final long WRITE_QUOTA_BYTES = 256 * 1024;

    /** Where a connection is in its life. */
    public enum State {
        /** Reading the HTTP request head. */
        HANDSHAKE,
        /** Speaking WebSocket. */
        OPEN,
        /** The server's close frame or HTTP response is sent or queued; waiting for the client to hang up. */
        CLOSING,
        /** The socket is closed. */
        CLOSED
    }

    private final long id;
    private final Transport transport;
    private final SelectionKey key;
    private final Endpoint endpoint;
    private final ConnectionSettings settings;
    private final OutboundQueue out;
    private final InboundBuffer inbound = new InboundBuffer();
    private final long acceptedAt;
    private State state = State.HANDSHAKE;
    private int headScanned;
    private MessageAssembler assembler;
    private ConnectionHandler handler;
    private long lastHeardAt;
    private long pingSentAt = -1;
    private long closeDeadline;
    private boolean outputShut;
    private boolean readPaused;
    private boolean writable = true;
    private boolean readAgainAsked;
    private int interestOps;
    private String closeReason = "";

    /**
     * @param id a number unique within the server
     * @param transport the accepted socket, as is or with TLS
     * @param key its registration with the event loop's selector, interested in reads
     * @param endpoint the server side
     * @param settings limits and codecs
     * @param stagingBuffers the loop's staging buffers for heap frames
     */
    public Connection(long id, Transport transport, SelectionKey key, Endpoint endpoint, ConnectionSettings settings,
            StagingBuffers stagingBuffers) {
        this.id = id;
        this.out = new OutboundQueue(stagingBuffers);
        this.transport = transport;
        this.key = key;
        this.endpoint = endpoint;
        this.settings = settings;
        this.acceptedAt = settings.ticker().nanoTime();
        this.lastHeardAt = acceptedAt;
        this.interestOps = key.interestOps();
        transport.onInputReady(this::askToReadAgain);
    }

    /**
     * A number unique within the server, for logs and the {@code client_id}.
     *
     * @return the id
     */
    @Override
    public long id() {
        return id;
    }

    /**
     * Where the connection is in its life.
     *
     * @return the state
     */
    public State state() {
        return state;
    }

    /**
     * The client's address.
     *
     * @return the remote address, or {@code null} when the socket is closed
     */
    public SocketAddress remoteAddress() {
        return transport.remoteAddress();
    }

    /**
     * Why the server closed or failed the connection, for logs.
     *
     * @return the reason, empty when the client closed it
     */
    public String closeReason() {
        return closeReason;
    }

    /**
     * How many data frames this client skipped because it was not reading fast enough.
     *
     * @return the count
     */
    public long conflatedFrames() {
        return out.conflated();
    }

    /**
     * Sends a text message that must not be dropped (a reply).
     *
     * @param utf8 the message's UTF-8 bytes
     */
    @Override
    public void sendText(byte[] utf8) {
        send(FrameEncoder.text(utf8));
    }

    /**
     * Sends a frame that must not be dropped and that other clients may share (a cached reply).
     *
     * @param frame a complete server frame, read-only; this connection takes its own view
     */
    @Override
    public void sendFrame(ByteBuffer frame) {
        send(frame);
    }

    private void send(ByteBuffer frame) {
        if (state != State.OPEN) {
            return;
        }
        out.addReply(frame, now());
        flush();
    }

    /**
     * Offers a data frame: it replaces this client's previous data frame if that one has not started to
     * go out, and goes out now if the socket accepts it.
     *
     * @param frame a complete server frame, shared and read-only; this connection takes its own view
     */
    @Override
    public void sendData(ByteBuffer frame) {
        if (state != State.OPEN) {
            return;
        }
        out.offerData(frame, now());
        flush();
    }

    /** Drops the data frame that has not started to go out. */
    @Override
    public void dropData() {
        out.dropData();
    }

    /**
     * Starts the closing handshake: the pending data frame is dropped, the close frame follows the
     * pending replies, and the socket is closed when the client answers or after the close timeout.
     *
     * @param code the close code
     * @param reason the reason, cut to fit a close frame
     */
    @Override
    public void close(int code, String reason) {
        if (state != State.OPEN) {
            if (state == State.HANDSHAKE) {
                closeReason = reason;
                terminate();
            }
            return;
        }
        closeReason = reason;
        out.dropData();
        out.addReply(FrameEncoder.close(code, reason), now());
        enterClosing();
        flush();
    }

    /**
     * Reads what the socket has, using a buffer shared by all connections of the loop, and acts on it.
     *
     * @param scratch the loop's read buffer; its content is not kept after this call
     */
    public void onReadable(ByteBuffer scratch) {
        readAgainAsked = false;
        if (state == State.CLOSED) {
            return;
        }
        scratch.clear();
        int read;
        try {
            read = transport.read(scratch);
        } catch (RefusedByTransport e) {
            closeReason = e.getMessage();
            endpoint.refused(this, e.status(), e.getMessage());
            respond(HttpWire.error(e.status(), e.getMessage()), true);
            flush();
            return;
        } catch (IOException e) {
            closeReason = e.getMessage() == null ? e.toString() : e.getMessage();
            terminate();
            return;
        }
        if (read < 0) {
            terminate();
            return;
        }
        if (read > 0) {
            lastHeardAt = now();
            pingSentAt = -1;
            if (state != State.CLOSING) {
                scratch.flip();
                processInbound(inbound.append(scratch));
            }
        }
        flush();
    }

    /** Writes pending frames; called when the selector reports the socket writable. */
    public void onWritable() {
        writable = true;
        flush();
    }

    /**
     * Enforces the timeouts: handshake, send, keepalive and close.
     *
     * @param nowNanos the current monotonic time
     */
    public void checkTimers(long nowNanos) {
        switch (state) {
            case HANDSHAKE -> {
                if (nowNanos - acceptedAt >= settings.handshakeTimeoutNanos()) {
                    closeReason = "handshake timeout";
                    terminate();
                }
            }
            case OPEN -> checkOpenTimers(nowNanos);
            case CLOSING -> {
                if (nowNanos - closeDeadline >= 0) {
                    terminate();
                }
            }
            case CLOSED -> { }
        }
    }

    /** Closes the socket at once, without a closing handshake (server shutdown timeout, I/O failure). */
    public void terminate() {
        if (state == State.CLOSED) {
            return;
        }
        boolean wasOpen = handler != null;
        state = State.CLOSED;
        inbound.clear();
        out.release();
        key.cancel();
        try {
            transport.close();
        } catch (IOException ignored) {
            // the socket is gone either way
        }
        if (wasOpen) {
            handler.onClosed();
        }
        endpoint.closed(this);
    }

    private void checkOpenTimers(long nowNanos) {
        if (out.isStalled(nowNanos, settings.sendTimeoutNanos())) {
            closeReason = "send timeout";
            terminate();
        } else if (pingSentAt >= 0 && nowNanos - pingSentAt >= settings.pingTimeoutNanos()) {
            close(CloseCode.INTERNAL_ERROR, "Keepalive ping timeout");
        } else if (pingSentAt < 0 && nowNanos - lastHeardAt >= settings.pingIntervalNanos()) {
            pingSentAt = nowNanos;
            out.addReply(FrameEncoder.encode(Opcode.PING, ByteBuffer.allocate(0)), nowNanos);
            flush();
        }
    }

    private void processInbound(ByteBuffer bytes) {
        try {
            while (state == State.HANDSHAKE && bytes.hasRemaining()) {
                HttpRequest request = settings.requestParser().parse(bytes, headScanned);
                if (request == null) {
                    headScanned = bytes.remaining();
                    break;
                }
                headScanned = 0;
                onRequest(request);
            }
            while (state == State.OPEN && bytes.hasRemaining() && !readPaused) {
                Frame frame = settings.frameDecoder().decode(bytes);
                if (frame == null) {
                    break;
                }
                onFrame(frame);
                readPaused = out.replyBytes() > settings.maxPendingReplyBytes();
            }
        } catch (HttpException e) {
            endpoint.refused(this, e.status(), e.getMessage());
            respond(HttpWire.error(e.status(), e.getMessage()), true);
        } catch (ProtocolException e) {
            close(e.closeCode(), e.getMessage());
        }
        if (state == State.HANDSHAKE || state == State.OPEN) {
            inbound.retain(bytes);
        } else {
            inbound.clear();
        }
    }

    private void onRequest(HttpRequest request) {
        if (!Handshake.isUpgradeAttempt(request)) {
            settings.handshake().screen(request).ifPresentOrElse(this::refuse,
                    () -> respond(endpoint.serve(request), !request.method().equals("HEAD")));
            return;
        }
        HandshakeResult result = settings.handshake().check(request);
        if (result instanceof HandshakeResult.Refused refused) {
            refuse(refused);
            return;
        }
        state = State.OPEN;
        assembler = new MessageAssembler(settings.maxMessageBytes());
        out.addReply(((HandshakeResult.Accepted) result).response(), now());
        handler = endpoint.admit(this);
        if (handler == null) {
            close(CloseCode.POLICY_VIOLATION, "Server at capacity");
        } else {
            handler.onOpen();
        }
    }

    private void onFrame(Frame frame) throws ProtocolException {
        switch (frame.opcode()) {
            case PING -> {
                handler.onPing();
                if (state == State.OPEN) {
                    out.offerPong(FrameEncoder.encode(Opcode.PONG, frame.payload()), now());
                }
            }
            case PONG -> { }
            case CLOSE -> {
                int code = CloseFrames.code(frame.payload());
                out.dropData();
                out.addReply(code == CloseCode.NO_STATUS
                        ? FrameEncoder.encode(Opcode.CLOSE, ByteBuffer.allocate(0))
                        : FrameEncoder.close(code, ""), now());
                enterClosing();
            }
            default -> {
                String message = assembler.accept(frame);
                if (message != null) {
                    handler.onText(message);
                }
            }
        }
    }

    private void refuse(HandshakeResult.Refused refused) {
        endpoint.refused(this, refused.response().status(), refused.reason());
        respond(refused.response(), true);
    }

    private void respond(HttpResponse response, boolean withBody) {
        out.addReply(HttpWire.encode(response, withBody), now());
        enterClosing();
    }

    private void enterClosing() {
        state = State.CLOSING;
        inbound.clear();
        closeDeadline = now() + settings.closeTimeoutNanos();
    }

    private void flush() {
        if (state == State.CLOSED) {
            return;
        }
        if (!writable) {
            updateInterest();
            return;
        }
        try {
            transport.flush();
            long written = out.writeTo(transport, now(), WRITE_QUOTA_BYTES);
            if (state == State.CLOSING && !out.hasPending() && !outputShut) {
                outputShut = true;
                transport.shutdownOutput();
            }
            writable = written >= WRITE_QUOTA_BYTES || !(out.hasPending() || transport.hasPendingOutput());
        } catch (IOException e) {
            terminate();
            return;
        }
        if (readPaused && out.replyBytes() <= settings.maxPendingReplyBytes()) {
            readPaused = false;
            processInbound(inbound.append(EMPTY));
            flush();
            return;
        }
        updateInterest();
    }

    private void updateInterest() {
        boolean pending = out.hasPending() || transport.hasPendingOutput();
        int wanted = (readPaused ? 0 : SelectionKey.OP_READ) | (pending ? SelectionKey.OP_WRITE : 0);
        if (wanted != interestOps && key.isValid()) {
            interestOps = wanted;
            key.interestOps(wanted);
        }
        if (!readPaused && transport.hasBufferedInput()) {
            askToReadAgain();
        }
    }

    private void askToReadAgain() {
        if (!readAgainAsked && state != State.CLOSED) {
            readAgainAsked = true;
            endpoint.readAgain(this);
        }
    }

    private long now() {
        return settings.ticker().nanoTime();
    }
}
