package io.wsmon.ws.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsmon.ws.testkit.HttpReply;
import io.wsmon.ws.testkit.RawClient;
import io.wsmon.ws.testkit.TestFeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP endpoints on the WebSocket port, through the JDK's HTTP client. */
class HttpApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestFeed feed = new TestFeed();
    private final HttpClient http = HttpClient.newHttpClient();
    private WebSocketServer server;

    @BeforeEach
    void start() throws Exception {
        server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void snapshot_beforeTheFirstTick_is503() throws Exception {
        assertThat(get("/api/snapshot").statusCode()).isEqualTo(503);
    }

    @Test
    void snapshot_answersTheLatestAsJson() throws Exception {
        feed.publish();
        feed.publish();

        HttpResponse<String> response = get("/api/snapshot");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("type").asText()).isEqualTo("snapshot");
        assertThat(body.path("seq").asLong()).isEqualTo(2);
    }

    @Test
    void history_answersTheLastCountOldestFirst() throws Exception {
        for (int i = 0; i < 4; i++) {
            feed.publish();
        }

        JsonNode body = JSON.readTree(get("/api/history?count=2").body());

        assertThat(body.path("type").asText()).isEqualTo("history");
        assertThat(body.path("snapshots")).extracting(n -> n.path("seq").asLong()).containsExactly(3L, 4L);
    }

    @Test
    void history_badCount_is400NamingIt() throws Exception {
        HttpResponse<String> response = get("/api/history?count=abc");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("count must be a positive integer, got 'abc'");
    }

    @Test
    void status_answersTheStatusMessage() throws Exception {
        JsonNode body = JSON.readTree(get("/api/status").body());

        assertThat(body.path("type").asText()).isEqualTo("status");
        assertThat(body.path("connected_clients").asInt()).isZero();
        assertThat(body.path("max_clients").asInt()).isEqualTo(1000);
    }

    @Test
    void healthz_isOkWhileMonitoringAnd503WhenStopped() throws Exception {
        assertThat(get("/healthz").statusCode()).isEqualTo(200);

        feed.feed().running(false);

        assertThat(get("/healthz").statusCode()).isEqualTo(503);
    }

    @Test
    void unknownPath_is404NamingIt() throws Exception {
        HttpResponse<String> response = get("/api/nothing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("/api/nothing");
    }

    @Test
    void post_is405WithAllowGet() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/status"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).contains("GET");
    }

    @Test
    void rootWithoutUpgrade_is426() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(426);
    }

    @Test
    void malformedRequest_is400() throws Exception {
        try (RawClient client = RawClient.connect(server.port())) {
            client.write("GET /api/status HTTP/1.1\r\nbroken header\r\n\r\n");

            HttpReply reply = client.readHttp();

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body()).contains("Malformed header line 2");
        }
    }

    @Test
    void apiWithToken_refusesWithoutIt403AndServesWithIt() throws Exception {
        server.close();
        server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0).token("t0k").start();

        assertThat(get("/api/status").statusCode()).isEqualTo(403);
        assertThat(get("/api/status?token=t0k").statusCode()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(uri("/api/status")).header("Authorization", "Bearer t0k").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
