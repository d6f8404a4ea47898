package io.wsmon.ws.server;

import io.wsmon.api.http.HttpRequest;
import io.wsmon.api.http.HttpResponse;
import io.wsmon.core.time.Ticker;
import io.wsmon.ws.connection.Connection;
import io.wsmon.ws.connection.ConnectionHandler;
import io.wsmon.ws.connection.ConnectionSettings;
import io.wsmon.ws.connection.Endpoint;
import io.wsmon.ws.connection.PlainTransport;
import io.wsmon.ws.connection.StagingBuffers;
import io.wsmon.ws.frame.CloseCode;
import io.wsmon.ws.http.EndpointRouter;
import io.wsmon.ws.protocol.MonitoringProtocol;
import io.wsmon.ws.tls.TlsSessions;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns every socket: accepts, reads, writes (only while a client has something
 * pending, through {@code OP_WRITE}), runs tasks handed to it by other threads (the snapshot fan-out),
 * and enforces the connections' timeouts. It never blocks on a client. With TLS, each socket gets a
 * {@code TlsTransport} between it and its connection; a connection whose transport holds input the
 * socket will not report again is read once more after the turn's selected keys.
 *
 * <p>An {@link OutOfMemoryError} (or any other {@link VirtualMachineError}) is not survived: the loop
 * closes the listening socket, so that the server does not look alive while it can no longer answer, and
 * lets the error go on to the thread's uncaught-exception handler; the server command's handler ends the
 * process.
 */
final class EventLoop implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
    private static final Connection[] NO_CONNECTIONS = new Connection[0];
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final int RETAINED_STAGING_BUFFERS = 64;

    private final Selector selector;
    private final ServerSocketChannel server;
    private final ConnectionSettings settings;
    private final Ticker ticker;
    private final long timerPeriodNanos;
    private final RefusalLog refusals;
    private final Set<Connection> connections = new LinkedHashSet<>();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private final StagingBuffers stagingBuffers = new StagingBuffers(RETAINED_STAGING_BUFFERS);
    private final Tracking tracking = new Tracking();
    private final ArrayDeque<Connection> readAgain = new ArrayDeque<>();
    private final TlsSessions tls;
    private final Consumer<SelectionKey> selected = this::onSelected;
    private volatile boolean shutdownRequested;
    private volatile int openSockets;
    private MonitoringProtocol protocol;
    private EndpointRouter router;
    private long shutdownDeadline;
    private long nextConnectionId = 1;
    private boolean acceptFailing;
    private long failures;

    EventLoop(ServerSocketChannel server, ConnectionSettings settings, long timerPeriodNanos, TlsSessions tls)
            throws IOException {
        this.server = server;
        this.tls = tls;
        this.settings = settings;
        this.ticker = settings.ticker();
        this.timerPeriodNanos = timerPeriodNanos;
        this.refusals = new RefusalLog(ticker, 60_000_000_000L);
        this.selector = Selector.open();
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    /**
     * Runs a task on the loop thread, soon.
     *
     * @param task the task; must not block
     */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /**
     * Asks the loop to stop: no more accepts, every open client gets close 1001, and the loop ends when
     * all are closed or the grace period is over, closing what is left.
     *
     * @param graceNanos how long to wait for clients to close
     */
    void shutdown(long graceNanos) {
        execute(() -> {
            shutdownRequested = true;
            shutdownDeadline = ticker.nanoTime() + graceNanos;
            closeQuietly(server);
            for (Connection connection : connections.toArray(NO_CONNECTIONS)) {
                if (connection.state() == Connection.State.OPEN) {
                    connection.close(CloseCode.GOING_AWAY, "Server shutting down");
                } else if (connection.state() == Connection.State.HANDSHAKE) {
                    connection.terminate();
                }
            }
        });
    }

    /**
     * The loop; returns after {@link #shutdown}.
     *
     * @param protocol admits WebSocket clients
     * @param router serves plain HTTP requests
     */
    void run(MonitoringProtocol protocol, EndpointRouter router) {
        this.protocol = protocol;
        this.router = router;
        long nextTimers = ticker.nanoTime() + timerPeriodNanos;
        try {
            while (!(shutdownRequested && (connections.isEmpty() || ticker.nanoTime() - shutdownDeadline >= 0))) {
                // no timer to run while nobody is connected: an idle server wakes only for accepts and ticks
                long waitMillis = idle() ? 0 : Math.max(1, (nextTimers - ticker.nanoTime()) / 1_000_000);
                if (readAgain.isEmpty()) {
                    selector.select(selected, waitMillis);
                } else {
                    selector.selectNow(selected);
                }
                wakeupPending.set(false);
                runTasks();
                readAgain();
                long now = ticker.nanoTime();
                if (now - nextTimers >= 0) {
                    checkTimers(now);
                    nextTimers = now + timerPeriodNanos;
                }
            }
        } catch (VirtualMachineError e) {
            closeQuietly(server);
            throw e;
        } catch (IOException | RuntimeException | Error e) {
            LOG.error("WebSocket event loop failed; closing every connection", e);
        } finally {
            for (Connection connection : connections.toArray(NO_CONNECTIONS)) {
                connection.terminate();
            }
            closeQuietly(server);
            closeQuietly(selector);
        }
    }

    /** @return sockets open now, in any state; readable from any thread */
    int openSockets() {
        return openSockets;
    }

    /** @return refused requests since start */
    long refusedRequests() {
        return refusals.total();
    }

    private void onSelected(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            acceptAll();
            return;
        }
        Connection connection = (Connection) key.attachment();
        try {
            if (key.isReadable()) {
                connection.onReadable(readBuffer);
            }
            if (key.isValid() && key.isWritable()) {
                connection.onWritable();
            }
        } catch (RuntimeException e) {
            logFailure("Unexpected failure on a connection; closing it", e);
            connection.terminate();
        }
    }

    private void acceptAll() {
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
                if (channel == null) {
                    break;
                }
            } catch (IOException e) {
                pauseAccepting(e);
                return;
            }
            if (acceptFailing) {
                acceptFailing = false;
                LOG.info("Accepting connections again");
            }
            register(channel);
        }
    }

    private void register(SocketChannel channel) {
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            Connection connection = new Connection(nextConnectionId++,
                    tls == null ? new PlainTransport(channel) : tls.open(channel, this), key, tracking, settings,
                    stagingBuffers);
            key.attach(connection);
            connections.add(connection);
            openSockets = connections.size();
        } catch (IOException e) {
            LOG.debug("Could not set up an accepted socket", e);
            closeQuietly(channel);
        }
    }

    /** Out of file descriptors, most likely: stop selecting accepts until the next timer round. */
    private void pauseAccepting(IOException e) {
        if (!acceptFailing) {
            LOG.warn("Cannot accept connections ({}); retrying every timer round until it recovers", e.toString());
            acceptFailing = true;
        }
        server.keyFor(selector).interestOps(0);
    }

    private void resumeAccepting() {
        SelectionKey key = server.keyFor(selector);
        if (key != null && key.isValid() && key.interestOps() == 0) {
            key.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                logFailure("Task on the WebSocket event loop failed", e);
            }
        }
    }

    /** Reads the connections that asked for it before this turn; those that ask again wait for the next. */
    private void readAgain() {
        for (int i = readAgain.size(); i > 0; i--) {
            Connection connection = readAgain.poll();
            try {
                connection.onReadable(readBuffer);
            } catch (RuntimeException e) {
                logFailure("Unexpected failure on a connection; closing it", e);
                connection.terminate();
            }
        }
    }

    private boolean idle() {
        return connections.isEmpty() && !acceptFailing && !shutdownRequested && !refusals.windowOpen();
    }

    private void checkTimers(long now) {
        for (Connection connection : connections.toArray(NO_CONNECTIONS)) {
            connection.checkTimers(now);
        }
        refusals.summarize();
        if (acceptFailing && !shutdownRequested) {
            resumeAccepting();
        }
    }

    /** Logs the 1st, 2nd, 4th, 8th... unexpected failure, so a failure that repeats every tick cannot flood the log. */
    private void logFailure(String what, RuntimeException e) {
        failures++;
        if (Long.bitCount(failures) == 1) {
            LOG.error("{} ({} unexpected failures so far)", what, failures, e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing on the way out; nothing left to do about it
        }
    }

    /** Keeps the set of sockets and the refusal log, passes HTTP to the router and admission to the protocol. */
    private final class Tracking implements Endpoint {

        @Override
        public HttpResponse serve(HttpRequest request) {
            return router.route(request);
        }

        @Override
        public ConnectionHandler admit(Connection connection) {
            ConnectionHandler handler = protocol.admit(connection);
            if (handler == null) {
                LOG.debug("Client {} closed: server at capacity", connection.remoteAddress());
            }
            return handler;
        }

        @Override
        public void refused(Connection connection, int status, String reason) {
            refusals.refused(connection.remoteAddress(), status, reason);
        }

        @Override
        public void readAgain(Connection connection) {
            readAgain.add(connection);
        }

        @Override
        public void closed(Connection connection) {
            connections.remove(connection);
            openSockets = connections.size();
            if (!connection.closeReason().isEmpty()) {
                LOG.debug("Connection {} closed: {} ({} data frames skipped while it lagged)", connection.id(),
                        connection.closeReason(), connection.conflatedFrames());
            }
        }
    }
}
