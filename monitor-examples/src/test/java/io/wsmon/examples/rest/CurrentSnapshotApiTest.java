package io.wsmon.examples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.testing.Await;
import io.wsmon.core.testing.Snapshots;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The endpoint on a real loopback socket, asked with the JDK's HttpClient. */
class CurrentSnapshotApiTest {

    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void get_runningService_answersItsCurrentSnapshotAsJson() throws Exception {
        try (MonitoringService service = MonitoringService.builder().interval(Duration.ofMillis(100)).disable("gpu").start();
             CurrentSnapshotApi api = CurrentSnapshotApi.start(service::currentSnapshot, ANY_PORT)) {
            Await.until("the first snapshot", () -> service.currentSnapshot().isPresent());

            HttpResponse<String> response = send(api, CurrentSnapshotApi.PATH, "GET");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode json = new ObjectMapper().readTree(response.body());
            assertThat(json.path("type").asText()).isEqualTo("monitoring_data");
            assertThat(json.path("seq").asLong()).isPositive();
            assertThat(json.path("data").path("memory").path("total").asLong()).isPositive();
        }
    }

    @Test
    void get_fixedSnapshot_answersItsBytesUnchanged() throws Exception {
        Snapshot snapshot = Snapshots.full(3);
        try (CurrentSnapshotApi api = CurrentSnapshotApi.start(() -> Optional.of(snapshot), ANY_PORT)) {
            assertThat(send(api, CurrentSnapshotApi.PATH, "GET").body()).isEqualTo(snapshot.jsonText());
        }
    }

    @Test
    void get_beforeTheFirstTick_503NoDataAvailable() throws Exception {
        try (CurrentSnapshotApi api = CurrentSnapshotApi.start(Optional::empty, ANY_PORT)) {
            HttpResponse<String> response = send(api, CurrentSnapshotApi.PATH, "GET");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).isEqualTo("{\"error\":\"No data available\"}");
        }
    }

    @Test
    void request_otherMethodOrPath_405Or404() throws Exception {
        try (CurrentSnapshotApi api = CurrentSnapshotApi.start(Optional::empty, ANY_PORT)) {
            HttpResponse<String> post = send(api, CurrentSnapshotApi.PATH, "POST");
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).hasValue("GET");
            assertThat(send(api, CurrentSnapshotApi.PATH + "/more", "GET").statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> send(CurrentSnapshotApi api, String path, String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
