package io.wsmon.bench.ws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * Many WebSocket clients in one process on one NIO thread: connects them at a bounded pace, completes
 * their handshakes, reads every frame, notes when each tick arrives, answers pings, and sends a sampled
 * ping of its own once a second from one client in ten to measure round trips. A share of the clients
 * can be stalled: they complete the handshake and then never read again. Over TLS each client has a
 * client-mode {@link SSLEngine} of its own, driven on the same thread.
 */
final class LoadClients implements AutoCloseable {

    private static final int MAX_IN_PROGRESS = 256;
    private static final int STALLED_RECEIVE_BUFFER = 4096;
    private static final int OPCODE_TEXT = 0x1;
    private static final int OPCODE_CLOSE = 0x8;
    private static final int OPCODE_PING = 0x9;
    private static final int OPCODE_PONG = 0xA;
    private static final byte[] SEQ = "\"seq\":".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress server;
    private final SSLContext tls;
    private final int count;
    private final int stalledEvery;
    private final byte[] handshake;
    private final Selector selector;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(1 << 18);
    private final List<LoadClient> clients = new ArrayList<>();
    private final List<LoadClient> pingers = new ArrayList<>();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile int open;
    private volatile int closedByServer;
    private volatile int failed;
    private int inProgress;
    private ByteBuffer plainBuffer;
    private int nextPinger;
    private double pingCredit;
    private long lastPingCheck = System.nanoTime();
    private TickSkew window;
    private long windowStart;
    private long windowMessages;
    private long[] rtts = new long[1024];
    private int rttCount;

    /**
     * @param server the server's address
     * @param count how many clients
     * @param stalledPercent the share of clients that never read after the handshake, 0 to 100
     * @throws IOException when no selector can be opened
     */
    LoadClients(InetSocketAddress server, int count, int stalledPercent) throws IOException {
        this(server, count, stalledPercent, null);
    }

    /**
     * @param server the server's address
     * @param count how many clients
     * @param stalledPercent the share of clients that never read after the handshake, 0 to 100
     * @param tls the context the clients speak TLS with, trusting the server's certificate; {@code null} for
     *     plain connections
     * @throws IOException when no selector can be opened
     */
    LoadClients(InetSocketAddress server, int count, int stalledPercent, SSLContext tls) throws IOException {
        this.server = server;
        this.tls = tls;
        this.count = count;
        this.stalledEvery = stalledPercent <= 0 ? 0 : Math.max(1, 100 / stalledPercent);
        this.handshake = ("GET / HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        this.selector = Selector.open();
        this.thread = new Thread(this::loop, "load-clients");
        thread.start();
    }

    /** @return clients whose handshake succeeded and that were not closed */
    int open() {
        return open;
    }

    /** @return clients that failed to connect or shake hands */
    int failed() {
        return failed;
    }

    /** Starts counting: ticks, messages and ping round trips from now on. */
    void beginWindow() {
        tasks.add(() -> {
            window = new TickSkew();
            windowStart = System.nanoTime();
            windowMessages = 0;
            rttCount = 0;
        });
        selector.wakeup();
    }

    /**
     * Stops counting.
     *
     * @return what was seen since {@link #beginWindow()}
     */
    CompletableFuture<WindowResult> endWindow() {
        CompletableFuture<WindowResult> result = new CompletableFuture<>();
        tasks.add(() -> {
            int reading = (int) clients.stream().filter(c -> c.state == LoadClient.State.OPEN && !c.stalled).count();
            result.complete(new WindowResult(System.nanoTime() - windowStart, windowMessages, window.ticks(),
                    Arrays.copyOf(rtts, rttCount), open, reading, closedByServer, failed));
            window = null;
        });
        selector.wakeup();
        return result;
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (LoadClient client : clients) {
            client.channel.close();
        }
        selector.close();
    }

    private void loop() {
        try {
            while (running) {
                openMore();
                selector.select(this::onKey, 10);
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
                sendPings();
            }
        } catch (IOException e) {
            throw new IllegalStateException("load client loop failed", e);
        }
    }

    private void openMore() throws IOException {
        while (clients.size() < count && inProgress < MAX_IN_PROGRESS) {
            int index = clients.size();
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean stalled = stalledEvery > 0 && index % stalledEvery == 0;
            if (stalled) {
                // a small window, so the server meets back-pressure within seconds rather than minutes
                channel.setOption(StandardSocketOptions.SO_RCVBUF, STALLED_RECEIVE_BUFFER);
            }
            LoadClient client = new LoadClient(index, stalled, !stalled && index % 10 == 1, channel);
            clients.add(client);
            inProgress++;
            client.key = channel.register(selector, SelectionKey.OP_CONNECT, client);
            if (channel.connect(server)) {
                connected(client);
            }
        }
    }

    private void onKey(SelectionKey key) {
        LoadClient client = (LoadClient) key.attachment();
        try {
            if (key.isConnectable()) {
                if (client.channel.finishConnect()) {
                    connected(client);
                }
                return;
            }
            if (key.isWritable()) {
                write(client, null);
            }
            if (key.isValid() && key.isReadable()) {
                read(client);
            }
        } catch (IOException e) {
            lose(client);
        }
    }

    private void connected(LoadClient client) throws IOException {
        client.state = LoadClient.State.HANDSHAKE;
        client.key.interestOps(SelectionKey.OP_READ);
        if (tls != null) {
            SSLEngine engine = tls.createSSLEngine(server.getHostString(), server.getPort());
            engine.setUseClientMode(true);
            client.tls = new ClientTls(engine);
        }
        write(client, ByteBuffer.wrap(handshake));
    }

    private void read(LoadClient client) throws IOException {
        readBuffer.clear();
        int n = client.channel.read(readBuffer);
        if (n < 0) {
            lose(client);
            return;
        }
        long now = System.nanoTime();
        readBuffer.flip();
        ByteBuffer in = readBuffer;
        if (client.tls != null) {
            in = plainBuffer = client.tls.unwrap(readBuffer,
                    plainBuffer != null ? plainBuffer : ByteBuffer.allocate(readBuffer.capacity()));
            write(client, null);
        }
        if (client.leftover != null) {
            in = ByteBuffer.allocate(client.leftover.remaining() + in.remaining())
                    .put(client.leftover).put(in).flip();
            client.leftover = null;
        }
        if (client.state == LoadClient.State.HANDSHAKE && !readHandshake(client, in)) {
            return;
        }
        if (client.state == LoadClient.State.OPEN && !client.stalled) {
            readFrames(client, in, now);
        }
        if (in.hasRemaining() && client.state != LoadClient.State.CLOSED) {
            client.leftover = ByteBuffer.allocate(in.remaining()).put(in).flip();
        }
    }

    /** @return true when the handshake is complete and frames may follow in {@code in} */
    private boolean readHandshake(LoadClient client, ByteBuffer in) throws IOException {
        for (int i = in.position(); i + 3 < in.limit(); i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
                boolean switched = in.get(in.position() + 9) == '1' && in.get(in.position() + 10) == '0'
                        && in.get(in.position() + 11) == '1';
                in.position(i + 4);
                inProgress--;
                if (!switched) {
                    failed++;
                    client.state = LoadClient.State.CLOSED;
                    client.channel.close();
                    return false;
                }
                client.state = LoadClient.State.OPEN;
                open++;
                if (client.pinger) {
                    pingers.add(client);
                }
                if (client.stalled) {
                    client.key.interestOps(0);
                }
                return true;
            }
        }
        client.leftover = ByteBuffer.allocate(in.remaining()).put(in).flip();
        in.position(in.limit());
        return false;
    }

    private void readFrames(LoadClient client, ByteBuffer in, long now) throws IOException {
        while (in.remaining() >= 2) {
            int start = in.position();
            int b0 = in.get(start) & 0xFF;
            int length = in.get(start + 1) & 0x7F;
            int header = 2;
            if (length == 126) {
                if (in.remaining() < 4) {
                    return;
                }
                length = in.getShort(start + 2) & 0xFFFF;
                header = 4;
            } else if (length == 127) {
                if (in.remaining() < 10) {
                    return;
                }
                length = (int) in.getLong(start + 2);
                header = 10;
            }
            if (in.remaining() < header + length) {
                return;
            }
            onFrame(client, b0 & 0x0F, in, start + header, length, now);
            if (client.state == LoadClient.State.CLOSED) {
                return;
            }
            in.position(start + header + length);
        }
    }

    private void onFrame(LoadClient client, int opcode, ByteBuffer in, int at, int length, long now)
            throws IOException {
        switch (opcode) {
            case OPCODE_TEXT -> {
                long seq = seq(in, at, Math.min(length, 80));
                if (seq >= 0 && window != null) {
                    window.received(seq, now);
                    windowMessages++;
                }
            }
            case OPCODE_PONG -> {
                if (length == 8 && window != null) {
                    recordRtt(now - in.getLong(at));
                }
            }
            case OPCODE_PING -> {
                byte[] payload = new byte[length];
                in.get(at, payload);
                write(client, maskedFrame(OPCODE_PONG, payload));
            }
            case OPCODE_CLOSE -> {
                closedByServer++;
                lose(client);
            }
            default -> { }
        }
    }

    private void sendPings() {
        long now = System.nanoTime();
        pingCredit += (now - lastPingCheck) / 1e9 * pingers.size();
        lastPingCheck = now;
        while (pingCredit >= 1 && !pingers.isEmpty()) {
            pingCredit--;
            nextPinger = (nextPinger + 1) % pingers.size();
            LoadClient client = pingers.get(nextPinger);
            if (client.state != LoadClient.State.OPEN) {
                continue;
            }
            try {
                write(client, maskedFrame(OPCODE_PING, ByteBuffer.allocate(8).putLong(System.nanoTime()).array()));
            } catch (IOException e) {
                lose(client);
            }
        }
    }

    private void write(LoadClient client, ByteBuffer frame) throws IOException {
        if (client.tls != null) {
            frame = client.tls.wrap(frame);
            frame = frame.hasRemaining() ? frame : null;
        }
        if (frame != null) {
            if (client.unsent != null) {
                client.unsent = ByteBuffer.allocate(client.unsent.remaining() + frame.remaining())
                        .put(client.unsent).put(frame).flip();
            } else {
                client.unsent = frame;
            }
        }
        if (client.unsent == null) {
            return;
        }
        client.channel.write(client.unsent);
        int ops = client.stalled && client.state == LoadClient.State.OPEN ? 0 : SelectionKey.OP_READ;
        if (client.unsent.hasRemaining()) {
            client.key.interestOps(ops | SelectionKey.OP_WRITE);
        } else {
            client.unsent = null;
            client.key.interestOps(ops);
        }
    }

    private void lose(LoadClient client) {
        if (client.state == LoadClient.State.OPEN) {
            open--;
        } else if (client.state != LoadClient.State.CLOSED) {
            inProgress--;
            failed++;
        }
        client.state = LoadClient.State.CLOSED;
        client.key.cancel();
        try {
            client.channel.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private void recordRtt(long nanos) {
        if (rttCount == rtts.length) {
            rtts = Arrays.copyOf(rtts, rtts.length * 2);
        }
        rtts[rttCount++] = nanos;
    }

    /** @return the number after {@code "seq":} within the first bytes of a message, or -1 */
    private static long seq(ByteBuffer in, int at, int length) {
        outer:
        for (int i = at; i + SEQ.length <= at + length; i++) {
            for (int j = 0; j < SEQ.length; j++) {
                if (in.get(i + j) != SEQ[j]) {
                    continue outer;
                }
            }
            long value = 0;
            for (int k = i + SEQ.length; k < at + length; k++) {
                byte b = in.get(k);
                if (b < '0' || b > '9') {
                    break;
                }
                value = value * 10 + (b - '0');
            }
            return value;
        }
        return -1;
    }

    private static ByteBuffer maskedFrame(int opcode, byte[] payload) {
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        ByteBuffer frame = ByteBuffer.allocate(6 + payload.length);
        frame.put((byte) (0x80 | opcode)).put((byte) (0x80 | payload.length)).put(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.put((byte) (payload[i] ^ mask[i & 3]));
        }
        return frame.flip();
    }
}
