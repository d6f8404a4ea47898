package io.wsmon.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.http.HttpEndpoint;
import io.wsmon.api.http.HttpEndpointProvider;
import io.wsmon.api.http.HttpRequest;
import io.wsmon.api.http.HttpResponse;
import io.wsmon.core.testing.Snapshots;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MetricsEndpointProviderTest {

    private final MetricsEndpointProvider provider = new MetricsEndpointProvider();
    private final FixedSource source = new FixedSource(Snapshots.full(5), List.of(Snapshots.memoryAlert()));

    @Test
    void serviceLoader_classPath_findsTheProvider() {
        assertThat(ServiceLoader.load(HttpEndpointProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(MetricsEndpointProvider.class);
    }

    @Test
    void endpoint_default_getMetricsWithToken() {
        HttpEndpoint endpoint = only(Map.of());

        assertThat(endpoint.path()).isEqualTo("/metrics");
        assertThat(endpoint.prefix()).isFalse();
        assertThat(endpoint.methods()).containsExactly("GET");
        assertThat(endpoint.tokenRequired()).isTrue();
    }

    @Test
    void metricsSetting_false_noEndpoint() {
        assertThat(provider.endpoints(source.context(Map.of("metrics", "false"), 0))).isEmpty();
        assertThat(provider.endpoints(source.context(Map.of("metrics", "TRUE"), 0))).hasSize(1);
    }

    @Test
    void metricsSetting_notABoolean_errorNamesKeyAndValue() {
        assertThatThrownBy(() -> provider.endpoints(source.context(Map.of("metrics", "maybe"), 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metrics: must be true or false, got 'maybe'");
    }

    @Test
    void get_plainScrape_textFormatOfLatestSnapshotAlertsAndClients() {
        HttpResponse response = only(Map.of()).handler().handle(get(Map.of()));
        String body = new String(response.body(), StandardCharsets.UTF_8);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        assertThat(body).contains("wsmon_ticks_total 5.0\n", "wsmon_websocket_clients 3.0\n",
                "wsmon_alerts_active{component=\"memory\",level=\"warning\",metric=\"usage_percent\",resource=\"\"} 1.0\n",
                "node_memory_MemTotal_bytes 1.7179869184E10\n");
    }

    @Test
    void get_openMetricsAccepted_openMetrics() {
        HttpResponse response = only(Map.of()).handler().handle(get(Map.of("accept",
                "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.4")));

        assertThat(response.headers().get("Content-Type")).startsWith("application/openmetrics-text; version=1.0.0");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).endsWith("# EOF\n");
    }

    @Test
    void get_beforeFirstTick_503() {
        HttpEndpoint endpoint = provider.endpoints(new FixedSource(null, List.of()).context(Map.of(), 0)).get(0);

        assertThat(endpoint.handler().handle(get(Map.of())).status()).isEqualTo(503);
    }

    private HttpEndpoint only(Map<String, String> settings) {
        List<HttpEndpoint> endpoints = provider.endpoints(source.context(settings, 3));
        assertThat(endpoints).hasSize(1);
        return endpoints.get(0);
    }

    private static HttpRequest get(Map<String, String> headers) {
        return new HttpRequest("GET", "/metrics", Map.of(), "HTTP/1.1", headers);
    }
}
