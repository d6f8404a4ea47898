package io.wsmon.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wsmon.core.MonitoringService;
import io.wsmon.core.testing.Await;
import io.wsmon.prometheus.Exposition.Family;
import io.wsmon.ws.server.WebSocketServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wsmon's families that carry node_exporter's names, beside the real node_exporter on this machine: each
 * one node_exporter also has here has its type and its label names (so node_exporter's dashboards and
 * alert rules select and join them unchanged), and the figures that never move agree.
 */
class NodeExporterNamesTest {

    @TempDir
    Path dir;

    @Test
    void nodeFamilies_besideRealNodeExporter_sameTypesLabelsAndValues() throws Exception {
        assumeTrue(PrometheusTextTest.Tools.onPath(NodeExporter.COMMAND), NodeExporter.COMMAND
                + " not on PATH (Debian package prometheus-node-exporter): names are not compared with the real one");
        try (MonitoringService service = MonitoringService.builder().interval(Duration.ofMillis(200)).start();
                WebSocketServer server = WebSocketServer.builder(service).host("127.0.0.1").port(0).start();
                NodeExporter nodeExporter = NodeExporter.start(dir)) {
            Await.until("a snapshot", () -> service.currentSnapshot().isPresent());
            Map<String, Family> node = Exposition.parse(nodeExporter.scrape());
            Map<String, Family> wsmon = Exposition.parse(scrape(server));

            List<String> shared = wsmon.keySet().stream().filter(n -> n.startsWith("node_")).filter(node::containsKey)
                    .toList();
            assertThat(shared).as("families both have on any Linux machine").contains("node_cpu_seconds_total",
                    "node_load1", "node_memory_MemTotal_bytes", "node_memory_MemAvailable_bytes",
                    "node_filesystem_size_bytes", "node_network_receive_bytes_total", "node_boot_time_seconds",
                    "node_uname_info");
            for (String name : shared) {
                assertThat(wsmon.get(name).type()).as("type of %s", name).isEqualTo(node.get(name).type());
                assertThat(wsmon.get(name).labelNames()).as("label names of %s", name)
                        .isEqualTo(node.get(name).labelNames());
            }
            assertThat(wsmon.get("node_uname_info").series()).as("node_uname_info")
                    .isEqualTo(node.get("node_uname_info").series());
            assertThat(only(wsmon, "node_memory_MemTotal_bytes")).isEqualTo(only(node, "node_memory_MemTotal_bytes"));
            assertThat(only(wsmon, "node_boot_time_seconds")).isCloseTo(only(node, "node_boot_time_seconds"),
                    within(2.0));
            assertThat(node.get("node_filesystem_size_bytes").series()).as("file systems, by the same labels")
                    .containsAllEntriesOf(wsmon.get("node_filesystem_size_bytes").series());
        }
    }

    private static double only(Map<String, Family> families, String name) {
        Map<Map<String, String>, Double> series = families.get(name).series();
        assertThat(series).as(name).hasSize(1);
        return series.values().iterator().next();
    }

    private static String scrape(WebSocketServer server) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
