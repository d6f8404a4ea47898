package io.wsmon.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wsmon.api.MemoryInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.testing.Await;
import io.wsmon.ws.server.WebSocketServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Prometheus server scrapes three wsmon servers on loopback (OpenMetrics, as Prometheus asks for
 * by default, with the servers' token) and answers queries with the values of the snapshots.
 */
class PrometheusScrapeTest {

    private static final String TOKEN = "fleet-token";

    private final List<MonitoringService> services = new ArrayList<>();
    private final List<WebSocketServer> servers = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        servers.forEach(WebSocketServer::close);
        services.forEach(MonitoringService::close);
    }

    @Test
    void threeServers_scrapedTwice_upAndValuesMatchTheSnapshots() throws Exception {
        assumeTrue(PrometheusTextTest.Tools.onPath("prometheus"),
                "prometheus not on PATH (Debian package prometheus): the real scrape is not checked");
        Map<String, MonitoringService> byInstance = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            MonitoringService service = MonitoringService.builder().interval(Duration.ofMillis(200)).start();
            services.add(service);
            WebSocketServer server = WebSocketServer.builder(service).host("127.0.0.1").port(0).token(TOKEN).start();
            servers.add(server);
            byInstance.put("127.0.0.1:" + server.port(), service);
        }
        services.forEach(s -> Await.until("a snapshot", () -> s.currentSnapshot().isPresent()));

        try (PrometheusServer prometheus = PrometheusServer.start(dir, List.copyOf(byInstance.keySet()), TOKEN)) {
            prometheus.queryUntil("count_over_time(up{job=\"wsmon\"}[1m]) >= 2", r -> r.size() == 3);

            JsonNode up = prometheus.query("up{job=\"wsmon\"}", null);
            assertThat(up).hasSize(3);
            up.forEach(series -> assertThat(value(series)).as("up of %s", instance(series)).isEqualTo(1));

            // one query, so that every series comes from the same scrape of each server: a scrape that lands
            // between two queries would pair one snapshot's ticks with the next one's CPU
            JsonNode latest = prometheus.query("{job=\"wsmon\",cpu=~\"all|\",__name__=~\"wsmon_ticks_total|"
                    + "wsmon_cpu_usage_ratio|node_memory_MemTotal_bytes|node_memory_MemAvailable_bytes\"}", null);
            Map<String, Double> ticks = byInstanceValue(latest, "wsmon_ticks_total");
            Map<String, Double> cpu = byInstanceValue(latest, "wsmon_cpu_usage_ratio");
            Map<String, Double> total = byInstanceValue(latest, "node_memory_MemTotal_bytes");
            Map<String, Double> available = byInstanceValue(latest, "node_memory_MemAvailable_bytes");
            assertThat(ticks.keySet()).containsExactlyInAnyOrderElementsOf(byInstance.keySet());
            for (Map.Entry<String, MonitoringService> entry : byInstance.entrySet()) {
                String instance = entry.getKey();
                // the samples of one scrape come from one snapshot: its sequence number finds it in the history
                Snapshot scraped = snapshot(entry.getValue(), ticks.get(instance).longValue());
                MemoryInfo memory = scraped.memory().orElseThrow();
                assertThat(cpu.get(instance)).as("CPU of %s", instance)
                        .isCloseTo(scraped.processor().orElseThrow().usagePercent() / 100, within(1e-9));
                assertThat(total.get(instance)).as("memory total of %s", instance).isEqualTo(memory.total());
                assertThat(available.get(instance)).as("memory available of %s", instance)
                        .isEqualTo(memory.available());
            }
        }
    }

    private static Snapshot snapshot(MonitoringService service, long seq) {
        return service.history(1000).stream().filter(s -> s.seq() == seq).findFirst()
                .orElseThrow(() -> new AssertionError("no snapshot " + seq + " in the history"));
    }

    private static Map<String, Double> byInstanceValue(JsonNode result, String name) {
        Map<String, Double> out = new HashMap<>();
        result.forEach(series -> {
            if (series.path("metric").path("__name__").asText().equals(name)) {
                out.put(instance(series), value(series));
            }
        });
        return out;
    }

    private static String instance(JsonNode series) {
        return series.path("metric").path("instance").asText();
    }

    private static double value(JsonNode series) {
        return Double.parseDouble(series.path("value").get(1).asText());
    }
}
