package io.wsmon.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.wsmon.core.testing.Await;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The executable jar carries /metrics and the OTLP exporter: an operator turns them on and off by flags. */
class FleetIT {

    private static final String LOOPBACK = "127.0.0.1";

    @Test
    void metrics_onByDefault_askTheTokenAndAreOffWithNoMetrics() throws Exception {
        try (ServerProcess server = ServerProcess.start("--host", LOOPBACK, "--port", "0", "--token", "s3cret",
                "--no-gpu")) {
            int port = server.awaitListening();
            // the server listens while its first tick may still run; until it ends, /metrics is 503
            Await.until("a scrape after the first snapshot", () -> status(port, "Bearer s3cret") != 503);

            HttpResponse<String> scraped = get(port, "Bearer s3cret");
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.headers().firstValue("content-type")).contains("text/plain; version=0.0.4; charset=utf-8");
            assertThat(scraped.body()).contains("# TYPE node_memory_MemTotal_bytes gauge", "wsmon_build_info{version=");
            assertThat(get(port, null).statusCode()).isIn(401, 403);
        }
        try (ServerProcess server = ServerProcess.start("--host", LOOPBACK, "--port", "0", "--no-metrics", "--no-gpu")) {
            assertThat(get(server.awaitListening(), null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void otel_configuredByTheStandardVariable_pushesOtlp() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/v1/metrics", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                received.add(exchange.getRequestHeaders().getFirst("Content-Type") + " " + body.readAllBytes().length);
                exchange.sendResponseHeaders(200, -1);
            }
        });
        collector.start();
        try (ServerProcess server = ServerProcess.start(
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort()),
                "--host", LOOPBACK, "--port", "0", "--no-gpu", "--set", "otel.interval=0.5")) {
            server.awaitListening();

            String request = received.poll(30, TimeUnit.SECONDS);

            assertThat(request).as("an OTLP request within 30 s").isNotNull().startsWith("application/x-protobuf ");
            assertThat(Integer.parseInt(request.substring(request.indexOf(' ') + 1))).isGreaterThan(1000);
        } finally {
            collector.stop(0);
        }
    }

    private static int status(int port, String authorization) {
        try {
            return get(port, authorization).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException("GET /metrics failed", e);
        }
    }

    private static HttpResponse<String> get(int port, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
