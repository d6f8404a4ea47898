package io.wsmon.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.testing.Await;
import io.wsmon.core.testing.Snapshots;
import io.wsmon.metrics.MetricFamily;
import io.wsmon.metrics.snapshot.AgentFigures;
import io.wsmon.metrics.snapshot.SnapshotMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusTextTest {

    private final PrometheusText text = new PrometheusText();

    @TempDir
    Path dir;

    @Test
    void textFormat_fullSnapshot_helpAndTypeOnEveryFamily() {
        String body = render(null);

        assertThat(body).contains("# HELP node_memory_MemTotal_bytes Physical memory installed\n",
                "# TYPE node_memory_MemTotal_bytes gauge\n", "node_memory_MemTotal_bytes 1.7179869184E10\n",
                "# TYPE node_network_receive_bytes_total counter\n",
                "node_network_receive_bytes_total{device=\"eth0\"} 2000000.0\n",
                "wsmon_cpu_usage_ratio{cpu=\"all\"} 0.255\n",
                "wsmon_alerts_active{component=\"memory\",level=\"warning\",metric=\"usage_percent\",resource=\"\"} 1.0\n",
                "wsmon_build_info{version=\"1.2.3\"} 1.0\n", "wsmon_websocket_clients 4.0\n");
        long families = body.lines().filter(l -> l.startsWith("# TYPE ")).count();
        assertThat(body.lines().filter(l -> l.startsWith("# HELP ")).count()).isEqualTo(families);
        assertThat(families).isGreaterThan(30);
    }

    @Test
    void openMetrics_askedByAccept_unitsAndEof() {
        PrometheusText.Rendered rendered = text.render(families(),
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        String body = new String(rendered.body(), StandardCharsets.UTF_8);

        assertThat(rendered.contentType()).startsWith("application/openmetrics-text");
        assertThat(body).contains("# UNIT node_memory_MemTotal_bytes bytes\n",
                "# TYPE node_network_receive_bytes counter\n").endsWith("# EOF\n");
    }

    @Test
    void textFormat_noAccept_prometheus004() {
        assertThat(text.render(families(), null).contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    }

    /**
     * promtool's lint asks for snake_case names, which node_exporter's own {@code node_memory_MemTotal_bytes}
     * and friends are not: node_exporter's output draws the same complaint. Those names are kept (dashboards
     * and alert rules use them); every other complaint, and any parse error, fails. promtool reads the text
     * format only; the OpenMetrics output is parsed by the real Prometheus server in the scrape test.
     */
    @Test
    void promtool_checkMetrics_passes() throws Exception {
        assertPromtoolPasses(families());
    }

    @Test
    void promtool_realServiceSnapshot_passes() throws Exception {
        try (MonitoringService service = MonitoringService.builder().interval(Duration.ofMillis(100)).start()) {
            Await.until("two snapshots", () -> service.currentSnapshot().map(s -> s.seq() >= 2).orElse(false));

            assertPromtoolPasses(new SnapshotMetrics().families(service.currentSnapshot().orElseThrow(),
                    service.activeAlerts(), AgentFigures.of("1.2.3")));
        }
    }

    /**
     * promtool's lint asks for snake_case names, which node_exporter's own {@code node_memory_MemTotal_bytes}
     * and friends are not: node_exporter's output draws the same complaint. Those names are kept (dashboards
     * and alert rules use them); every other complaint, and any parse error, fails. promtool reads the text
     * format only; the OpenMetrics output is parsed by the real Prometheus server in the scrape test.
     */
    private void assertPromtoolPasses(List<MetricFamily> families) throws Exception {
        assumeTrue(Tools.onPath("promtool"), "promtool not on PATH (Debian package prometheus): not checked");
        Path file = dir.resolve("metrics.txt");
        Files.write(file, text.render(families, "text/plain;version=0.0.4").body());

        Process promtool = new ProcessBuilder("promtool", "check", "metrics")
                .redirectInput(file.toFile()).redirectErrorStream(true).start();
        String report = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();

        List<String> problems = report.lines()
                .filter(line -> !line.matches("node_memory_[A-Za-z]+_bytes metric names should be written in "
                        + "'snake_case' not 'camelCase'"))
                .toList();
        assertThat(problems).as("promtool check metrics").isEmpty();
        assertThat(promtool.exitValue()).as("0, or 3 for the lint above: %s", report).isIn(0, 3);
    }

    private String render(String accept) {
        return new String(text.render(families(), accept).body(), StandardCharsets.UTF_8);
    }

    /** The fixed snapshot plus a custom section, so every mapping path is in the output. */
    private static List<MetricFamily> families() {
        Map<String, Object> sections = new LinkedHashMap<>(Snapshots.sections());
        sections.put("open_files", Map.of("count", 12, "by_user", List.of(Map.of("name", "app", "count", 7))));
        Snapshot snapshot = Snapshot.of(9, Snapshots.TIMESTAMP, sections, List.of(),
                new io.wsmon.core.json.SnapshotCodec()::encode);
        return new SnapshotMetrics().families(snapshot, List.of(Snapshots.memoryAlert()),
                AgentFigures.of("1.2.3").withWebsocketClients(4));
    }

    /** Whether an executable is on the PATH. */
    static final class Tools {
        static boolean onPath(String name) throws IOException {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return true;
                }
            }
            return false;
        }
    }
}
