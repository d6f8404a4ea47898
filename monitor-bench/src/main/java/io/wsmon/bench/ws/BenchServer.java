package io.wsmon.bench.ws;

import io.wsmon.ws.server.WebSocketServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedSelectorException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The server side of the load test, in a process of its own so its CPU and memory can be measured:
 * {@code BenchServer wsmon|java-websocket|netty <interval-seconds> <payload-bytes> <max-clients> [<history>]}
 * (history: snapshots kept for {@code get_history} and published before the first tick, default 100
 * kept and none published). Prints
 * {@code ready <port>}, then answers {@code heap} on standard input with the heap in use after a full GC,
 * and stops on {@code stop} or end of input.
 */
public final class BenchServer {

    private BenchServer() {}

    /**
     * @param args implementation, interval in seconds, payload bytes, max clients, optionally history
     * @throws Exception when the server cannot start
     */
    public static void main(String[] args) throws Exception {
        String implementation = args[0];
        Duration interval = Duration.ofNanos((long) (Double.parseDouble(args[1]) * 1e9));
        int payload = Integer.parseInt(args[2]);
        int maxClients = Integer.parseInt(args[3]);
        int history = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        try (SyntheticFeed feed = history > 0 ? new SyntheticFeed(interval, payload, history)
                : new SyntheticFeed(interval, payload)) {
            feed.prefill(history);
            AutoCloseable server = start(implementation, feed, maxClients);
            feed.start();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command = commands.readLine(); command != null && !command.equals("stop");
                    command = commands.readLine()) {
                if (command.equals("heap")) {
                    System.gc();
                    System.gc();
                    System.out.println("heap " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    System.out.flush();
                }
            }
            server.close();
        }
    }

    private static AutoCloseable start(String implementation, SyntheticFeed feed, int maxClients) throws Exception {
        switch (implementation) {
            case "wsmon" -> {
                WebSocketServer server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0)
                        .maxClients(maxClients).start();
                announce(server.port());
                return server;
            }
            case "java-websocket" -> {
                JavaWebSocketBroadcastServer server = new JavaWebSocketBroadcastServer(new InetSocketAddress("127.0.0.1", 0));
                server.startAndAwait();
                AutoCloseable subscription = feed.feed().subscribe(snapshot -> server.broadcast(snapshot.jsonText()));
                announce(server.getPort());
                return () -> {
                    subscription.close();
                    try {
                        server.stop(1000);
                    } catch (ClosedSelectorException e) {
                        // Java-WebSocket 1.6 may race its own selector while stopping; the process exits anyway
                    }
                };
            }
            case "netty" -> {
                NettyBroadcastServer server = new NettyBroadcastServer(new InetSocketAddress("127.0.0.1", 0));
                System.err.println("netty transport: " + server.transport());
                AutoCloseable subscription = feed.feed().subscribe(snapshot -> server.broadcast(snapshot.json()));
                announce(server.port());
                return () -> {
                    subscription.close();
                    server.close();
                };
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
