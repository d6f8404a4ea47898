package io.wsmon.bench.ws;

import io.wsmon.ws.server.ServerConfig;
import io.wsmon.ws.server.WebSocketServer;
import io.wsmon.ws.tls.TlsIdentity;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedSelectorException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;

/**
 * The server side of the load test, in a process of its own so its CPU and memory can be measured:
 * {@code BenchServer wsmon|java-websocket|netty <interval-seconds> <payload-bytes> <max-clients> [<history>
 * [<pkcs12> <password>]]} (history: snapshots kept for {@code get_history} and published before the first
 * tick, 0 for the default of 100 kept and none published; with a key store, the port speaks TLS). Prints
 * {@code ready <port>}, then answers {@code heap} on standard input with the heap in use after a full GC
 * and {@code connections} with the connections open, and stops on {@code stop} or end of input.
 */
public final class BenchServer {

    private BenchServer() {}

    /**
     * @param args implementation, interval in seconds, payload bytes, max clients, optionally history and
     *     then a PKCS#12 key store and its password
     * @throws Exception when the server cannot start
     */
    public static void main(String[] args) throws Exception {
        String implementation = args[0];
        Duration interval = Duration.ofNanos((long) (Double.parseDouble(args[1]) * 1e9));
        int payload = Integer.parseInt(args[2]);
        int maxClients = Integer.parseInt(args[3]);
        int history = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        TlsIdentity tls = args.length > 6 ? TlsIdentity.pkcs12(Path.of(args[5]), args[6].toCharArray()) : null;
        try (SyntheticFeed feed = history > 0 ? new SyntheticFeed(interval, payload, history)
                : new SyntheticFeed(interval, payload)) {
            feed.prefill(history);
            Running server = start(implementation, feed, maxClients, tls);
            feed.start();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command = commands.readLine(); command != null && !command.equals("stop");
                    command = commands.readLine()) {
                if (command.equals("heap")) {
                    System.gc();
                    System.gc();
                    System.out.println("heap " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    System.out.flush();
                } else if (command.equals("connections")) {
                    System.out.println("connections " + server.connections().getAsInt());
                    System.out.flush();
                }
            }
            server.stop().close();
        }
    }

    /** A started server: how to stop it and how many connections it has open. */
    private record Running(AutoCloseable stop, IntSupplier connections) {}

    private static Running start(String implementation, SyntheticFeed feed, int maxClients, TlsIdentity tls)
            throws Exception {
        switch (implementation) {
            case "wsmon" -> {
                ServerConfig.Builder builder = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0)
                        .maxClients(maxClients);
                WebSocketServer server = (tls == null ? builder : builder.tls(tls)).start();
                announce(server.port());
                return new Running(server, server::openSockets);
            }
            case "java-websocket" -> {
                JavaWebSocketBroadcastServer server = new JavaWebSocketBroadcastServer(new InetSocketAddress("127.0.0.1", 0));
                if (tls != null) {
                    server.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(tls.load()));
                }
                server.startAndAwait();
                AutoCloseable subscription = feed.feed().subscribe(snapshot -> server.broadcast(snapshot.jsonText()));
                announce(server.getPort());
                return new Running(() -> {
                    subscription.close();
                    try {
                        server.stop(1000);
                    } catch (ClosedSelectorException e) {
                        // Java-WebSocket 1.6 may race its own selector while stopping; the process exits anyway
                    }
                }, () -> server.getConnections().size());
            }
            case "netty" -> {
                if (tls != null) {
                    throw new IllegalArgumentException("the netty peer serves plain connections only");
                }
                NettyBroadcastServer server = new NettyBroadcastServer(new InetSocketAddress("127.0.0.1", 0));
                System.err.println("netty transport: " + server.transport());
                AutoCloseable subscription = feed.feed().subscribe(snapshot -> server.broadcast(snapshot.json()));
                announce(server.port());
                return new Running(() -> {
                    subscription.close();
                    server.close();
                }, server::connections);
            }
            default -> throw new IllegalArgumentException(
                    "server must be wsmon, java-websocket or netty, got '" + implementation + "'");
        }
    }

    private static void announce(int port) {
        System.out.println("ready " + port);
        System.out.flush();
    }
}
