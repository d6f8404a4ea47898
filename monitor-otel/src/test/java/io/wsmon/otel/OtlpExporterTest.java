package io.wsmon.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.wsmon.api.Exporter;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.core.ExporterStatistics;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.ServiceContext;
import io.wsmon.core.alert.AlertRule;
import io.wsmon.core.testing.Await;
import io.wsmon.core.testing.LogCapture;
import io.wsmon.core.testing.Snapshots;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OtlpExporterTest {

    @Test
    void export_fullSnapshot_semanticConventionNamesUnitsAttributesValues() throws Exception {
        try (OtlpReceiver receiver = new OtlpReceiver();
                OtlpExporter exporter = started(Map.of("otel.endpoint", receiver.endpoint(),
                        "otel.headers", "authorization=Bearer%20s3cret,x-tenant=ops"), Map.of())) {
            exporter.export(Snapshots.full(11));
            OtlpReceiver.Received received = receiver.next();

            assertThat(received.headers().get("Authorization")).containsExactly("Bearer s3cret");
            assertThat(received.headers().get("X-tenant")).containsExactly("ops");
            Map<String, String> resource = strings(received.request().getResourceMetrics(0).getResource()
                    .getAttributesList());
            assertThat(resource).containsEntry("service.name", "wsmon").containsEntry("host.name", "host-1")
                    .containsEntry("os.type", OtlpExporter.osType(System.getProperty("os.name")))
                    .containsKeys("service.instance.id", "service.version");
            Map<String, Metric> metrics = metrics(received);

            Metric memory = metrics.get("system.memory.limit");
            assertThat(memory.getUnit()).isEqualTo("By");
            assertThat(memory.getGauge().getDataPoints(0).getAsDouble()).isEqualTo(17179869184.0);

            Metric network = metrics.get("system.network.io");
            assertThat(network.getUnit()).isEqualTo("By");
            assertThat(network.getSum().getIsMonotonic()).isTrue();
            assertThat(network.getSum().getAggregationTemporality())
                    .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
            assertThat(point(network.getSum().getDataPointsList(),
                    Map.of("network.interface.name", "eth0", "network.io.direction", "receive")).getAsDouble())
                    .isEqualTo(2000000.0);

            Metric cpu = metrics.get("system.cpu.utilization");
            assertThat(cpu.getUnit()).isEqualTo("1");
            NumberDataPoint core3 = cpu.getGauge().getDataPointsList().stream()
                    .filter(p -> p.getAttributesList().stream().anyMatch(a ->
                            a.getKey().equals("cpu.logical_number") && a.getValue().getIntValue() == 3))
                    .findFirst().orElseThrow();
            assertThat(core3.getAsDouble()).isCloseTo(0.40, within(1e-12));
            assertThat(point(cpu.getGauge().getDataPointsList(), Map.of()).getAsDouble())
                    .as("the total has no cpu attribute").isCloseTo(0.255, within(1e-12));

            assertThat(point(metrics.get("system.filesystem.usage").getGauge().getDataPointsList(),
                    Map.of("system.filesystem.mountpoint", "/data", "system.filesystem.state", "used")).getAsDouble())
                    .isEqualTo(9e11);
            assertThat(metrics.get("hw.gpu.utilization").getGauge().getDataPoints(0).getAsDouble()).isEqualTo(0.45);
            assertThat(metrics.get("wsmon.ticks").getSum().getDataPoints(0).getAsDouble()).isEqualTo(11);
            assertThat(metrics.keySet()).as("Prometheus-only figures stay out")
                    .doesNotContain("node_uname_info").allMatch(n -> !n.startsWith("node_"));
        }
    }

    @Test
    void environment_standardVariables_configure() throws Exception {
        try (OtlpReceiver receiver = new OtlpReceiver();
                OtlpExporter exporter = started(Map.of(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                        "OTEL_EXPORTER_OTLP_HEADERS", "api-key=abc", "OTEL_METRIC_EXPORT_INTERVAL", "15000"))) {
            exporter.export(Snapshots.full(1));

            assertThat(receiver.next().headers().get("Api-key")).containsExactly("abc");
            assertThat(exporter.interval()).contains(Duration.ofSeconds(15));
        }
    }

    @Test
    void noEndpoint_start_notConfiguredSoLeftOut() {
        assertThatThrownBy(() -> started(Map.of("otel.headers", "a=b"), Map.of()))
                .isInstanceOf(MonitorUnavailableException.class)
                .hasMessageContaining("otel.endpoint");
    }

    @Test
    void badSettings_start_errorNamesKeyAndValue() {
        assertThatThrownBy(() -> started(Map.of("otel.endpoint", "ftp://x"), Map.of()))
                .hasMessage("otel.endpoint: must be an http:// or https:// URL with a host, got 'ftp://x'");
        assertThatThrownBy(() -> started(Map.of("otel.endpoint", "http://x", "otel.headers", "novalue"), Map.of()))
                .hasMessage("otel.headers: expected key=value pairs separated by commas, got 'novalue'");
        assertThatThrownBy(() -> started(Map.of("otel.endpoint", "http://x", "otel.timeout", "-1"), Map.of()))
                .hasMessage("otel.timeout: must be a positive number, got '-1'");
        assertThatThrownBy(() -> started(Map.of(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://x",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")))
                .hasMessage("OTEL_EXPORTER_OTLP_PROTOCOL: only http/protobuf is spoken, got 'grpc'");
    }

    @Test
    void collectorDown_export_failsWithReason() throws Exception {
        try (OtlpExporter exporter = started(Map.of("otel.endpoint", "http://127.0.0.1:" + closedPort()), Map.of())) {
            assertThatThrownBy(() -> exporter.export(Snapshots.full(1)))
                    .isInstanceOf(IOException.class).hasMessageContaining("OTLP export to http://127.0.0.1:");
        }
    }

    @Test
    void activeAlerts_service_pushedAsWsmonAlertsActive() throws Exception {
        try (OtlpReceiver receiver = new OtlpReceiver();
                MonitoringService service = MonitoringService.builder()
                        .interval(Duration.ofMillis(100))
                        .discovery(false)
                        .onlyMonitors("memory")
                        .alertRule(AlertRule.above("memory", "usage_percent").warning(0.1))
                        .exporter(new OtlpExporter(Map.of()))
                        .setting("otel.endpoint", receiver.endpoint())
                        .setting("otel.interval", "0.1")
                        .start()) {
            Await.until("the memory alert is active", () -> !service.activeAlerts().isEmpty());
            Metric active = null;
            for (int push = 0; push < 100 && (active == null || active.getGauge().getDataPointsCount() == 0); push++) {
                active = metrics(receiver.next()).get("wsmon.alerts.active"); // none before the alert
            }
            assertThat(active).as("wsmon.alerts.active within 100 pushes").isNotNull();

            assertThat(strings(active.getGauge().getDataPoints(0).getAttributesList()))
                    .containsEntry("wsmon.alert.component", "memory").containsEntry("wsmon.alert.metric", "usage_percent")
                    .containsEntry("wsmon.alert.level", "warning");
            assertThat(active.getGauge().getDataPoints(0).getAsDouble()).isEqualTo(1.0);
        }
    }

    @Test
    void slowCollector_service_onlyThisExporterWaitsAndFailuresAreCounted() throws Exception {
        try (OtlpReceiver receiver = new OtlpReceiver()) {
            receiver.stall();
            try (MonitoringService service = MonitoringService.builder()
                    .interval(Duration.ofMillis(100))
                    .discovery(false)
                    .exporter(new OtlpExporter(Map.of()))
                    .setting("otel.endpoint", receiver.endpoint())
                    .setting("otel.timeout", "0.3")
                    .setting("otel.interval", "0.1")
                    .start()) {
                receiver.next();
                long seq = service.currentSnapshot().map(s -> s.seq()).orElse(0L);
                Await.until("ticks go on while the collector stalls",
                        () -> service.currentSnapshot().map(s -> s.seq() >= seq + 5).orElse(false));
                Await.until("the timed-out export counted", () -> stats(service).errors() >= 1);
                assertThat(stats(service).failing()).isTrue();
                assertThat(stats(service).lastError()).contains("timed out");

                receiver.release();
                Await.until("exports succeed again", () -> !stats(service).failing());
            }
        }
    }

    @Test
    void collectorDown_service_failuresCountedLoggedOnceSdkLineOff() throws Exception {
        Logger sdk = Logger.getLogger(OtlpExporter.SDK_EXPORT_LOGGER);
        List<LogRecord> sdkLines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                sdkLines.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        sdk.addHandler(handler);
        try (LogCapture log = LogCapture.start();
                MonitoringService service = MonitoringService.builder()
                        .interval(Duration.ofMillis(100))
                        .discovery(false)
                        .exporter(new OtlpExporter(Map.of()))
                        .setting("otel.endpoint", "http://127.0.0.1:" + closedPort())
                        .setting("otel.interval", "0.1")
                        .start()) {
            Await.until("three failed exports counted", () -> stats(service) != null && stats(service).errors() >= 3);

            assertThat(stats(service).failing()).isTrue();
            assertThat(stats(service).lastError()).contains("OTLP export to http://127.0.0.1:");
            assertThat(log.lines("WARN", "exporter 'otel'")).hasSize(1);
            assertThat(service.currentSnapshot()).as("ticks go on").isPresent();
            assertThat(sdkLines).as("the SDK's own line per failed export").isEmpty();
        } finally {
            sdk.removeHandler(handler);
        }
    }

    @Test
    void classPath_jdkHttpSenderOnly_noOkHttp() {
        assertThatThrownBy(() -> Class.forName("okhttp3.OkHttpClient")).isInstanceOf(ClassNotFoundException.class);
        assertThat(ServiceLoader.load(HttpSenderProvider.class).stream().map(p -> p.type().getName()))
                .containsExactly("io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider");
    }

    @Test
    void discovered_withoutSettings_leftOut() {
        assertThat(ServiceLoader.load(Exporter.class).stream().map(ServiceLoader.Provider::type))
                .contains(OtlpExporter.class);
        try (MonitoringService service = MonitoringService.builder().interval(Duration.ofMillis(100)).start()) {
            assertThat(service.statistics().exporters()).doesNotContainKey("otel");
        }
    }

    private static ExporterStatistics stats(MonitoringService service) {
        return service.statistics().exporters().get("otel");
    }

    private static OtlpExporter started(Map<String, String> settings, Map<String, String> environment)
            throws Exception {
        OtlpExporter exporter = new OtlpExporter(environment);
        exporter.start(new ServiceContext(Clock.systemUTC(), Duration.ofMillis(500), settings));
        return exporter;
    }

    private static Map<String, Metric> metrics(OtlpReceiver.Received received) {
        return received.request().getResourceMetricsList().stream()
                .flatMap(r -> r.getScopeMetricsList().stream())
                .flatMap(s -> s.getMetricsList().stream())
                .collect(Collectors.toMap(Metric::getName, m -> m));
    }

    private static NumberDataPoint point(List<NumberDataPoint> points, Map<String, String> attributes) {
        return points.stream().filter(p -> strings(p.getAttributesList()).equals(attributes)).findFirst()
                .orElseThrow(() -> new AssertionError("no point " + attributes + " in " + points));
    }

    private static Map<String, String> strings(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, a -> text(a.getValue())));
    }

    private static String text(AnyValue value) {
        return value.hasStringValue() ? value.getStringValue() : String.valueOf(value.getIntValue());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
