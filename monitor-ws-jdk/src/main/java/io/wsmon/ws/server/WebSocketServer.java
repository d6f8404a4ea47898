package io.wsmon.ws.server;

import io.wsmon.ws.connection.ConnectionSettings;
import io.wsmon.core.MonitoringService;
import io.wsmon.ws.frame.FrameDecoder;
import io.wsmon.ws.handshake.AccessToken;
import io.wsmon.ws.handshake.Handshake;
import io.wsmon.ws.handshake.HostPolicy;
import io.wsmon.ws.handshake.OriginPolicy;
import io.wsmon.ws.http.HttpRequestParser;
import io.wsmon.ws.protocol.MonitoringFeed;
import io.wsmon.ws.protocol.MonitoringProtocol;
import io.wsmon.ws.protocol.ProtocolSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring WebSocket server: RFC 6455 and a small HTTP API on one port, on JDK NIO with one event
 * loop thread, streaming the snapshots of a {@link MonitoringFeed} with the protocol of SPEC §4.
 *
 * <pre>{@code
 * try (WebSocketServer server = WebSocketServer.builder(feed).port(8765).maxClients(1000).start()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} sends every client close 1001 and waits for them to go, up to the
 * shutdown timeout.
 */
public final class WebSocketServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketServer.class);

    private final ServerConfig config;
    private final EventLoop loop;
    private final MonitoringProtocol protocol;
    private final Thread thread;
    private final InetSocketAddress address;
    private final AutoCloseable feedSubscription;

    private WebSocketServer(ServerConfig config, MonitoringFeed feed) throws IOException {
        this.config = config;
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(config.host(), config.port()), config.backlog());
            this.address = (InetSocketAddress) channel.getLocalAddress();
            this.loop = new EventLoop(channel, connectionSettings(config), timerPeriod(config));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.protocol = new MonitoringProtocol(feed, protocolSettings(config), config.ticker(), loop);
        this.thread = new Thread(() -> loop.run(protocol), "wsmon-ws-loop-" + address.getPort());
        thread.start();
        this.feedSubscription = protocol.start();
        LOG.debug("WebSocket server listening on ws://{}:{}/ (max {} clients)",
                address.getHostString(), address.getPort(), config.maxClients());
    }

    /**
     * A builder with the defaults of SPEC §7.
     *
     * @param feed where the snapshots come from
     * @return a new builder
     */
    public static ServerConfig.Builder builder(MonitoringFeed feed) {
        return new ServerConfig.Builder(config -> new WebSocketServer(config, feed));
    }

    /**
     * A builder with the defaults of SPEC §7, streaming a monitoring service.
     *
     * @param service the running (or about to run) service
     * @return a new builder
     */
    public static ServerConfig.Builder builder(MonitoringService service) {
        return builder(MonitoringFeed.of(service));
    }

    /**
     * The address the server listens on; with port 0 in the configuration, the port the system chose.
     *
     * @return the bound address
     */
    public InetSocketAddress address() {
        return address;
    }

    /**
     * The port the server listens on.
     *
     * @return the bound port
     */
    public int port() {
        return address.getPort();
    }

    /**
     * The configuration the server runs with.
     *
     * @return the configuration
     */
    public ServerConfig config() {
        return config;
    }

    /**
     * WebSocket clients connected now.
     *
     * @return the count
     */
    public int connectedClients() {
        return protocol.connectedClients();
    }

    /**
     * Sockets open now: WebSocket clients, handshakes in progress, HTTP requests, connections closing.
     *
     * @return the count
     */
    public int openSockets() {
        return loop.openSockets();
    }

    /**
     * Requests refused since start: bad or forbidden handshakes, malformed or oversized requests.
     *
     * @return the count
     */
    public long refusedRequests() {
        return loop.refusedRequests();
    }

    /**
     * Whether the event loop is still running.
     *
     * @return true until {@link #close()} completes or the loop fails
     */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /**
     * Stops: no new connections, close 1001 "Server shutting down" to every client, and returns when
     * all are closed or the shutdown timeout has passed (the rest are cut off). Idempotent.
     */
    @Override
    public void close() {
        try {
            feedSubscription.close();
        } catch (Exception e) {
            LOG.warn("Could not unsubscribe from the monitoring feed", e);
        }
        loop.shutdown(config.shutdownTimeout().toNanos());
        try {
            thread.join(config.shutdownTimeout().plusSeconds(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("WebSocket event loop did not stop within {}", config.shutdownTimeout());
        } else {
            LOG.info("WebSocket server on port {} stopped", address.getPort());
        }
    }

    private static ConnectionSettings connectionSettings(ServerConfig config) {
        Handshake handshake = new Handshake(HostPolicy.of(config.host(), config.allowedHosts()),
                OriginPolicy.allowing(config.allowedOrigins()), AccessToken.of(config.token()));
        return new ConnectionSettings(
                handshake,
                new HttpRequestParser(config.maxHeaderBytes()),
                new FrameDecoder(config.maxMessageBytes()),
                config.maxMessageBytes(),
                config.maxReplyBytes(),
                config.handshakeTimeout().toNanos(),
                config.sendTimeout().toNanos(),
                config.pingInterval().toNanos(),
                config.pingTimeout().toNanos(),
                config.closeTimeout().toNanos(),
                config.ticker());
    }

    private static ProtocolSettings protocolSettings(ServerConfig config) {
        return new ProtocolSettings(config.maxClients(), config.historyCap(), config.maxReplyBytes(),
                config.commandsPerSecond(), config.rateLimitGrace(), AccessToken.of(config.token()));
    }

    /** Timers are checked often enough to honour the shortest timeout within a quarter of it. */
    private static long timerPeriod(ServerConfig config) {
        Duration shortest = config.sendTimeout();
        for (Duration d : new Duration[] {config.handshakeTimeout(), config.pingInterval(), config.closeTimeout()}) {
            if (d.compareTo(shortest) < 0) {
                shortest = d;
            }
        }
        long quarter = shortest.toNanos() / 4;
        return Math.max(Duration.ofMillis(10).toNanos(), Math.min(quarter, Duration.ofMillis(250).toNanos()));
    }

}
