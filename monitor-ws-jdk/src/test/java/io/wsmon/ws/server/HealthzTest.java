package io.wsmon.ws.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsmon.api.Alert;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SnapshotListener;
import io.wsmon.api.SnapshotSource;
import io.wsmon.api.SourceHealth;
import io.wsmon.api.SourceHealth.Verdict;
import io.wsmon.ws.protocol.InMemoryFeed;
import io.wsmon.ws.testkit.HttpReply;
import io.wsmon.ws.testkit.RawClient;
import io.wsmon.ws.testkit.TestFeed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /healthz} says what the source's health says: one test per verdict. */
class HealthzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestFeed feed = new TestFeed();
    private WebSocketServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void healthy_is200Ok() throws Exception {
        HttpReply reply = healthz(new SourceHealth(Verdict.HEALTHY, true, List.of()));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(reply.body());
        assertThat(body.path("status").asText()).isEqualTo("ok");
        assertThat(body.path("monitoring_active").asBoolean()).isTrue();
        assertThat(body.path("problems")).isEmpty();
    }

    @Test
    void degraded_is200WithTheProblems() throws Exception {
        HttpReply reply = healthz(new SourceHealth(Verdict.DEGRADED, true, List.of("monitor 'disk' is failing: boom")));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(reply.body());
        assertThat(body.path("status").asText()).isEqualTo("degraded");
        assertThat(body.path("problems").get(0).asText()).isEqualTo("monitor 'disk' is failing: boom");
    }

    @Test
    void noSnapshotForThreeIntervals_is503WithTheReason() throws Exception {
        HttpReply reply = healthz(new SourceHealth(Verdict.UNHEALTHY, true, List.of("no snapshot for 1.6s (interval 500ms)")));

        assertThat(reply.status()).isEqualTo(503);
        JsonNode body = JSON.readTree(reply.body());
        assertThat(body.path("status").asText()).isEqualTo("unhealthy");
        assertThat(body.path("problems").get(0).asText()).startsWith("no snapshot for");
    }

    @Test
    void stopped_is503WithTheReason() throws Exception {
        HttpReply reply = healthz(new SourceHealth(Verdict.UNHEALTHY, false, List.of("the service is stopped")));

        assertThat(reply.status()).isEqualTo(503);
        JsonNode body = JSON.readTree(reply.body());
        assertThat(body.path("status").asText()).isEqualTo("stopped");
        assertThat(body.path("monitoring_active").asBoolean()).isFalse();
        assertThat(body.path("problems").get(0).asText()).isEqualTo("the service is stopped");
    }

    @Test
    void defaultRules_aStoppedSource_is503() throws Exception {
        server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0).start();
        feed.feed().running(false);

        HttpReply reply = get();

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body()).contains("the source is stopped");
    }

    @Test
    void defaultRules_aSnapshotOlderThanThreeIntervals_isUnhealthy() {
        InMemoryFeed source = feed.feed();
        feed.publish();

        SourceHealth fresh = SourceHealth.of(source, java.time.Clock.offset(feed.clock(), Duration.ofMillis(1000)));
        SourceHealth stale = SourceHealth.of(source, java.time.Clock.offset(feed.clock(), Duration.ofMillis(3000)));

        assertThat(fresh.verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(stale.verdict()).isEqualTo(Verdict.UNHEALTHY);
        assertThat(stale.problems()).singleElement().asString().startsWith("no snapshot for");
    }

    private HttpReply healthz(SourceHealth health) throws Exception {
        server = WebSocketServer.builder(new FixedHealth(feed.feed(), health)).host("127.0.0.1").port(0).start();
        return get();
    }

    private HttpReply get() throws Exception {
        try (RawClient client = RawClient.connect(server.port())) {
            client.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            return client.readHttp();
        }
    }

    /** A source whose health is given. */
    private record FixedHealth(SnapshotSource source, SourceHealth health) implements SnapshotSource {

        @Override
        public AutoCloseable subscribe(SnapshotListener listener) {
            return source.subscribe(listener);
        }

        @Override
        public Optional<Snapshot> currentSnapshot() {
            return source.currentSnapshot();
        }

        @Override
        public List<Snapshot> history(int count) {
            return source.history(count);
        }

        @Override
        public Duration interval() {
            return source.interval();
        }

        @Override
        public boolean isRunning() {
            return health.running();
        }

        @Override
        public List<Alert> activeAlerts() {
            return source.activeAlerts();
        }

        @Override
        public List<Alert> recentAlerts() {
            return source.recentAlerts();
        }
    }
}
