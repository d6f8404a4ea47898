package io.wsmon.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.core.MonitoringService;
import io.wsmon.core.testing.Await;
import io.wsmon.core.testing.FakeMonitor;
import io.wsmon.ws.server.WebSocketServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /metrics} served by the real server on its port, discovered from the class path. */
class MetricsOverPortTest {

    private static final String TOKEN = "s3cret";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final MonitoringService service = MonitoringService.builder().interval(Duration.ofMillis(100)).start();
    private WebSocketServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        service.close();
    }

    @Test
    void scrape_withToken_latestSnapshotInTextFormat() throws Exception {
        server = WebSocketServer.builder(service).host("127.0.0.1").port(0).token(TOKEN).start();
        Await.until("a snapshot", () -> service.currentSnapshot().isPresent());

        HttpResponse<String> response = get("Bearer " + TOKEN, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).contains("# TYPE node_memory_MemTotal_bytes gauge\n",
                "wsmon_cpu_usage_ratio{cpu=\"all\"} ", "wsmon_ticks_missed_total ", "wsmon_websocket_clients 0.0\n");
    }

    @Test
    void scrape_openMetricsAccepted_openMetrics() throws Exception {
        server = WebSocketServer.builder(service).host("127.0.0.1").port(0).start();
        Await.until("a snapshot", () -> service.currentSnapshot().isPresent());

        HttpResponse<String> response = get(null, "application/openmetrics-text;version=1.0.0,text/plain;q=0.5");

        assertThat(response.headers().firstValue("content-type").orElseThrow())
                .startsWith("application/openmetrics-text; version=1.0.0");
        assertThat(response.body()).endsWith("# EOF\n");
    }

    @Test
    void scrape_withoutToken_refused() throws Exception {
        server = WebSocketServer.builder(service).host("127.0.0.1").port(0).token(TOKEN).start();

        // refused as the server refuses every endpoint that requires its token
        assertThat(get(null, null).statusCode()).isIn(401, 403);
        assertThat(get("Bearer wrong", null).statusCode()).isIn(401, 403);
    }

    @Test
    void metricsSettingFalse_pathNotServed() throws Exception {
        server = WebSocketServer.builder(service).host("127.0.0.1").port(0).setting("metrics", "false").start();

        assertThat(get(null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void websocketClient_connected_counted() throws Exception {
        server = WebSocketServer.builder(service).host("127.0.0.1").port(0).start();
        WebSocket client = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        webSocket.request(1);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
        try {
            Await.until("one client in /metrics", () -> getQuietly().contains("wsmon_websocket_clients 1.0\n"));
        } finally {
            client.abort();
        }
    }

    @Test
    void customMonitorsRecord_noMappingCode_gaugesInTheScrape() throws Exception {
        try (MonitoringService custom = MonitoringService.builder().interval(Duration.ofMillis(100))
                .monitor(new FakeMonitor("queue", () -> new Queue(12, false,
                        List.of(new Worker("w1", 3, 25.0), new Worker("w2", 0, 0.0)))))
                .start()) {
            server = WebSocketServer.builder(custom).host("127.0.0.1").port(0).start();
            Await.until("a snapshot", () -> custom.currentSnapshot().isPresent());

            assertThat(get(null, null).body()).contains("# TYPE wsmon_queue_depth gauge\n",
                    "wsmon_queue_depth 12.0\n", "wsmon_queue_paused 0.0\n", "wsmon_queue_workers_pending{name=\"w1\"} 3.0\n",
                    "wsmon_queue_workers_busy_ratio{name=\"w1\"} 0.25\n",
                    "wsmon_queue_workers_pending{name=\"w2\"} 0.0\n");
        }
    }

    @Test
    void scrapes_manyWithinOneTick_collectNothing() throws Exception {
        FakeMonitor queue = new FakeMonitor("queue", () -> new Queue(7, false, List.of()));
        try (MonitoringService hourly = MonitoringService.builder().interval(Duration.ofHours(1)).discovery(false)
                .monitor(queue).start()) {
            server = WebSocketServer.builder(hourly).host("127.0.0.1").port(0).start();
            Await.until("the first tick", () -> hourly.currentSnapshot().isPresent());

            for (int i = 0; i < 20; i++) {
                assertThat(get(null, null).body()).contains("wsmon_queue_depth 7.0\n", "wsmon_ticks_total 1.0\n");
            }
            assertThat(queue.calls()).as("collections").isEqualTo(1);
        }
    }

    /** A custom monitor's section, as a user writes it. */
    record Queue(long depth, boolean paused, List<Worker> workers) {}

    /** One element of a list in a custom section, keyed by its name. */
    record Worker(String name, int pending, double busyPercent) {}

    private String getQuietly() {
        try {
            return get(null, null).body();
        } catch (Exception e) {
            return "";
        }
    }

    private HttpResponse<String> get(String authorization, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
