package io.wsmon.examples.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitoringService;
import io.wsmon.examples.CtrlC;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /api/monitoring/current} on the JDK's {@link HttpServer}: the latest snapshot as its
 * {@code monitoring_data} JSON (the bytes every consumer of the snapshot shares, encoded once), or 503
 * {@code {"error":"No data available"}} before the first tick. The counterpart of the seed's FastAPI and
 * Flask examples, without a web framework.
 *
 * <pre>java -cp monitor-examples/target/monitoring-websocket-server.jar io.wsmon.examples.rest.CurrentSnapshotApi [PORT]
 * curl http://localhost:8000/api/monitoring/current</pre>
 */
public final class CurrentSnapshotApi implements AutoCloseable {

    /** The endpoint's path. */
    public static final String PATH = "/api/monitoring/current";

    private static final byte[] NO_DATA = "{\"error\":\"No data available\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final Supplier<Optional<Snapshot>> current;

    private CurrentSnapshotApi(HttpServer server, Supplier<Optional<Snapshot>> current) {
        this.server = server;
        this.current = current;
    }

    /**
     * Starts serving.
     *
     * @param current gives the latest snapshot, e.g. {@code service::currentSnapshot}
     * @param address where to listen; port 0 picks a free one
     * @return the running endpoint
     * @throws IOException when the address cannot be bound
     */
    public static CurrentSnapshotApi start(Supplier<Optional<Snapshot>> current, InetSocketAddress address)
            throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        CurrentSnapshotApi api = new CurrentSnapshotApi(server, Objects.requireNonNull(current, "current"));
        server.createContext(PATH, api::handle);
        server.start();
        return api;
    }

    /** @return the port it listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                exchange.sendResponseHeaders(404, -1);
            } else if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
            } else {
                Optional<Snapshot> snapshot = current.get();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                if (snapshot.isPresent()) {
                    exchange.sendResponseHeaders(200, snapshot.get().json().remaining());
                    snapshot.get().writeJson(exchange.getResponseBody());
                } else {
                    exchange.sendResponseHeaders(503, NO_DATA.length);
                    exchange.getResponseBody().write(NO_DATA);
                }
            }
        }
    }

    /** Stops serving at once. */
    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * Monitors this machine and serves the endpoint until Ctrl-C.
     *
     * @param args optionally the port (default 8000)
     * @throws IOException when the port cannot be bound
     * @throws InterruptedException when interrupted while waiting for Ctrl-C
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        MonitoringService service = MonitoringService.builder().start();
        CurrentSnapshotApi api = start(service::currentSnapshot, new InetSocketAddress(port));
        System.out.println("GET http://localhost:" + api.port() + PATH + "; Ctrl-C stops");
        CtrlC.awaitThenClose(service, api);
    }
}
