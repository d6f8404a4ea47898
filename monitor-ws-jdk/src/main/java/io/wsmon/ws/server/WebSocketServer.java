package io.wsmon.ws.server;

import io.wsmon.api.SnapshotSource;
import io.wsmon.api.http.HttpEndpoint;
import io.wsmon.core.MonitoringService;
import io.wsmon.ws.connection.ConnectionSettings;
import io.wsmon.ws.frame.FrameDecoder;
import io.wsmon.ws.handshake.AccessToken;
import io.wsmon.ws.handshake.Handshake;
import io.wsmon.ws.handshake.HostPolicy;
import io.wsmon.ws.handshake.OriginPolicy;
import io.wsmon.ws.http.EndpointDiscovery;
import io.wsmon.ws.http.EndpointRouter;
import io.wsmon.ws.http.HttpRequestParser;
import io.wsmon.ws.protocol.MonitoringProtocol;
import io.wsmon.ws.protocol.ProtocolSettings;
import io.wsmon.ws.tls.TlsSessions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring WebSocket server: RFC 6455 and HTTP endpoints on one port, on JDK NIO with one event
 * loop thread, streaming the snapshots of a {@link SnapshotSource} with the protocol of SPEC §4.
 *
 * <pre>{@code
 * try (WebSocketServer server = WebSocketServer.builder(service).port(8765).maxClients(1000).start()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>The HTTP endpoints are the built-in API ({@code /api/snapshot}, {@code /api/history},
 * {@code /api/status}, {@code /healthz}), those given to {@link ServerConfig.Builder#endpoint}, and those
 * of every {@link io.wsmon.api.http.HttpEndpointProvider} found with {@link java.util.ServiceLoader}
 * (unless {@link ServerConfig.Builder#discovery} is off); {@link EndpointRouter} says how a request finds
 * its endpoint. A WebSocket upgrade request always goes to the protocol.
 *
 * <p>With {@link ServerConfig.Builder#tls} the port speaks TLS through the JDK's {@code SSLEngine} on the
 * same event loop ({@code wss://}, {@code https://}); a few threads of its own run the handshakes' key
 * exchanges, so that a burst of handshakes does not hold the loop.
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
    private final AutoCloseable sourceSubscription;
    private final TlsSessions tls;

    private WebSocketServer(ServerConfig config, SnapshotSource source) throws IOException {
        this.config = config;
        this.protocol = new MonitoringProtocol(source, protocolSettings(config), config.ticker(), config.clock(),
                config.serverVersion());
        AccessToken token = AccessToken.of(config.token());
        EndpointRouter router = new EndpointRouter(endpoints(config, source, protocol), token::admits);
        this.tls = config.tls().map(identity -> TlsSessions.start(identity, "wsmon-tls-" + config.port())).orElse(null);
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(config.host(), config.port()), config.backlog());
            this.address = (InetSocketAddress) channel.getLocalAddress();
            this.loop = new EventLoop(channel, connectionSettings(config, token), timerPeriod(config), tls);
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (tls != null) {
                tls.close();
            }
            throw e;
        }
        this.thread = new Thread(() -> loop.run(protocol, router), "wsmon-ws-loop-" + address.getPort());
        thread.start();
        this.sourceSubscription = protocol.start(loop);
        LOG.debug("WebSocket server listening on {}://{}:{}/ (max {} clients)", tls == null ? "ws" : "wss",
                address.getHostString(), address.getPort(), config.maxClients());
    }

    /**
     * A builder with the defaults of SPEC §7.
     *
     * @param source where the snapshots come from
     * @return a new builder
     */
    public static ServerConfig.Builder builder(SnapshotSource source) {
        return new ServerConfig.Builder(config -> new WebSocketServer(config, source), Map.of());
    }

    /**
     * A builder with the defaults of SPEC §7, streaming a monitoring service; its extension settings are
     * the default settings of the endpoint providers.
     *
     * @param service the running (or about to run) service
     * @return a new builder
     */
    public static ServerConfig.Builder builder(MonitoringService service) {
        return new ServerConfig.Builder(config -> new WebSocketServer(config, service), service.settings());
    }

    /** The built-in API first, then the builder's, then the discovered endpoints. */
    private static List<HttpEndpoint> endpoints(ServerConfig config, SnapshotSource source, MonitoringProtocol protocol) {
        List<HttpEndpoint> endpoints = new ArrayList<>(protocol.endpoints());
        endpoints.addAll(config.endpoints());
        if (config.discovery()) {
            endpoints.addAll(EndpointDiscovery.endpoints(
                    new ServerEndpointContext(source, config.settings(), protocol::connectedClients)));
        }
        return endpoints;
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
            sourceSubscription.close();
        } catch (Exception e) {
            LOG.warn("Could not unsubscribe from the snapshot source", e);
        }
        loop.shutdown(config.shutdownTimeout().toNanos());
        try {
            thread.join(config.shutdownTimeout().plusSeconds(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (tls != null) {
            tls.close();
        }
        if (thread.isAlive()) {
            LOG.warn("WebSocket event loop did not stop within {}", config.shutdownTimeout());
        } else {
            LOG.info("WebSocket server on port {} stopped", address.getPort());
        }
    }

    private static ConnectionSettings connectionSettings(ServerConfig config, AccessToken token) {
        Handshake handshake = new Handshake(HostPolicy.of(config.host(), config.allowedHosts()),
                OriginPolicy.allowing(config.allowedOrigins()), token);
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
                config.commandsPerSecond(), config.rateLimitGrace());
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
