package io.wsmon.ws.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wsmon.core.time.ManualClock;
import io.wsmon.ws.testkit.MemoryClient;
import io.wsmon.ws.testkit.TestFeed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The protocol of SPEC §4, message for message, in memory: clients are {@link MemoryClient}s, snapshots
 * are delivered on the publishing thread, and time is a {@link ManualClock}. The socket tests in
 * {@code io.wsmon.ws.server} cover the same protocol over RFC 6455.
 */
class ProtocolTest {

    private static final Pattern MICROS_WITH_OFFSET =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}[+-]\\d\\d:\\d\\d");

    private final TestFeed feed = new TestFeed();
    private final ManualClock ticker = new ManualClock(Instant.parse("2026-01-03T09:00:00Z"), ZoneOffset.UTC);
    private MonitoringProtocol protocol;
    private AutoCloseable started;
    private MemoryClient client;
    private long clients;

    @BeforeEach
    void start() {
        start(1000, 4 * 1024 * 1024);
    }

    private void start(int maxClients, int maxReplyBytes) {
        protocol = new MonitoringProtocol(feed.feed(),
                new ProtocolSettings(maxClients, 1000, maxReplyBytes, 50, Duration.ofSeconds(5)), ticker,
                feed.clock(), "test-version");
        started = protocol.start(Runnable::run);
    }

    @AfterEach
    void stop() throws Exception {
        started.close();
    }

    private MemoryClient connect() {
        client = MemoryClient.connect(protocol, ++clients);
        return client;
    }

    @Test
    void connect_welcome_carriesEveryFieldOfTheSpec() throws Exception {
        feed.feed().alerts(List.of(feed.memoryWarning()), List.of(feed.memoryWarning()));

        JsonNode welcome = connect().next();

        assertThat(welcome.path("type").asText()).isEqualTo("connection");
        assertThat(welcome.path("status").asText()).isEqualTo("connected");
        assertThat(welcome.path("message").asText()).isEqualTo("Connected to monitoring server");
        assertThat(welcome.path("timestamp").asText()).matches(MICROS_WITH_OFFSET);
        assertThat(welcome.path("client_id").asText()).isNotEmpty();
        assertThat(welcome.path("server_version").asText()).isEqualTo("test-version");
        assertThat(welcome.path("interval").asDouble()).isEqualTo(0.5);
        assertThat(welcome.path("active_alerts")).hasSize(1);
        assertThat(welcome.path("active_alerts").get(0).path("level").asText()).isEqualTo("WARNING");
        assertThat(welcome.path("active_alerts").get(0).has("resource")).isFalse();
    }

    @Test
    void tick_everyPublishedSnapshot_arrivesAsMonitoringDataInOrder() throws Exception {
        connect().next("connection");

        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long seq = feed.publish().seq();
            JsonNode data = client.next("monitoring_data");
            seqs.add(data.path("seq").asLong());
            assertThat(data.path("seq").asLong()).isEqualTo(seq);
        }

        assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void tick_monitoringData_isExactlyTheSnapshotJson() throws Exception {
        connect().next("connection");

        String expected = feed.publish().jsonText();

        assertThat(client.next("monitoring_data").toString())
                .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(expected).toString());
    }

    @Test
    void connect_afterATick_getsTheLatestSnapshotAtOnce() throws Exception {
        feed.publish();
        feed.publish();

        connect().next("connection");

        assertThat(client.next().path("seq").asLong()).isEqualTo(2);
    }

    @Test
    void ping_answersPongWithTimestamp() throws Exception {
        connect().send("{\"type\":\"ping\"}");

        JsonNode pong = client.next("pong");

        assertThat(pong.path("timestamp").asText()).matches(MICROS_WITH_OFFSET);
    }

    @Test
    void getStatus_answersEveryStatusField() throws Exception {
        connect().next("connection");
        client.send("{\"type\":\"get_status\"}");

        JsonNode status = client.next("status");

        assertThat(status.path("connected_clients").asInt()).isEqualTo(1);
        assertThat(status.path("max_clients").asInt()).isEqualTo(1000);
        assertThat(status.path("server_start_time").asText()).matches(MICROS_WITH_OFFSET);
        assertThat(status.has("uptime_seconds")).isTrue();
        assertThat(status.path("server_version").asText()).isEqualTo("test-version");
        assertThat(status.path("monitoring_active").asBoolean()).isTrue();
        assertThat(status.path("message").asText()).isEqualTo("Server is running");
        assertThat(status.path("timestamp").asText()).matches(MICROS_WITH_OFFSET);
    }

    @Test
    void unsubscribe_stopsDataButKeepsTheConnection() throws Exception {
        connect().next("connection");
        client.send("{\"type\":\"unsubscribe\"}");
        client.next("unsubscribed");

        feed.publish();
        client.send("{\"type\":\"ping\"}");

        assertThat(client.next().path("type").asText()).isEqualTo("pong");
    }

    @Test
    void subscribe_afterUnsubscribe_resumesData() throws Exception {
        connect().next("connection");
        client.send("{\"type\":\"unsubscribe\"}");
        client.next("unsubscribed");
        client.send("{\"type\":\"subscribe\"}");
        JsonNode subscribed = client.next("subscribed");

        long seq = feed.publish().seq();

        assertThat(subscribed.path("interval").asDouble()).isEqualTo(0.5);
        assertThat(subscribed.has("sections")).isFalse();
        assertThat(client.next("monitoring_data").path("seq").asLong()).isEqualTo(seq);
    }

    @Test
    void subscribe_withSections_receivesOnlyThoseSections() throws Exception {
        feed.publish();
        connect().next("connection");
        client.send("{\"type\":\"subscribe\",\"sections\":[\"memory\"]}");
        JsonNode subscribed = client.next("subscribed");

        feed.publish();
        JsonNode data = client.nextMatching(n -> n.path("seq").asLong() == 2);

        assertThat(subscribed.path("sections").get(0).asText()).isEqualTo("memory");
        assertThat(data.path("type").asText()).isEqualTo("monitoring_data");
        assertThat(data.path("data").has("memory")).isTrue();
        assertThat(data.path("data").has("load")).isFalse();
    }

    @Test
    void subscribe_withInterval_receivesEveryKthTick() throws Exception {
        connect().next("connection");
        client.send("{\"type\":\"subscribe\",\"interval\":1.5}");
        JsonNode subscribed = client.next("subscribed");

        for (int i = 0; i < 7; i++) {
            feed.publish();
        }
        client.send("{\"type\":\"ping\"}");
        List<Long> seqs = new ArrayList<>();
        for (JsonNode message = client.next(); !message.path("type").asText().equals("pong"); message = client.next()) {
            seqs.add(message.path("seq").asLong());
        }

        assertThat(subscribed.path("interval").asDouble()).isEqualTo(1.5);
        assertThat(seqs).containsExactly(3L, 6L);
    }

    @Test
    void getAlerts_answersActiveAndRecent() throws Exception {
        feed.feed().alerts(List.of(feed.memoryWarning()), List.of(feed.memoryWarning()));
        connect().send("{\"type\":\"get_alerts\"}");

        JsonNode alerts = client.next("alerts");

        assertThat(alerts.path("active")).hasSize(1);
        assertThat(alerts.path("recent")).hasSize(1);
        assertThat(alerts.path("active").get(0).path("message").asText()).contains("High memory usage");
    }

    @Test
    void getSnapshot_answersTheLatestShapedAsMonitoringData() throws Exception {
        feed.publish();
        feed.publish();
        connect().send("{\"type\":\"get_snapshot\"}");

        JsonNode snapshot = client.next("snapshot");

        assertThat(snapshot.path("seq").asLong()).isEqualTo(2);
        assertThat(snapshot.path("timestamp").asText()).matches(MICROS_WITH_OFFSET);
        assertThat(snapshot.path("data").has("memory")).isTrue();
    }

    @Test
    void getHistory_answersOldestFirstCappedToCount() throws Exception {
        for (int i = 0; i < 5; i++) {
            feed.publish();
        }
        connect().send("{\"type\":\"get_history\",\"count\":3}");

        JsonNode history = client.next("history");

        assertThat(history.path("count").asInt()).isEqualTo(3);
        assertThat(history.path("snapshots")).extracting(n -> n.path("seq").asLong()).containsExactly(3L, 4L, 5L);
        assertThat(history.path("snapshots").get(0).has("data")).isTrue();
    }

    @Test
    void getHistory_overTheReplySizeBound_keepsTheNewestThatFit() throws Exception {
        stop();
        feed.padding(30_000);
        start(1000, 100_000);
        for (int i = 0; i < 6; i++) {
            feed.publish();
        }
        connect().send("{\"type\":\"get_history\",\"count\":6}");

        JsonNode history = client.next("history");

        assertThat(history.path("count").asInt()).isEqualTo(3);
        assertThat(history.path("snapshots")).extracting(n -> n.path("seq").asLong()).containsExactly(4L, 5L, 6L);
    }

    @Test
    void badCommands_getErrorsWithTheSpecCodesNamingTheProblem() throws Exception {
        connect().next("connection");

        assertError("not json", "INVALID_FORMAT", "not JSON");
        assertError("[1,2]", "INVALID_FORMAT", "expected a JSON object");
        assertError("{\"kind\":\"ping\"}", "MISSING_TYPE", "'type'");
        assertError("{\"type\":42}", "MISSING_TYPE", "'type'");
        assertError("{\"type\":\"reboot\"}", "UNKNOWN_COMMAND", "'reboot'");
        assertError("{\"type\":\"get_history\",\"count\":-1}", "INVALID_PARAMETER", "count must be a positive integer, got -1");
        assertError("{\"type\":\"get_history\",\"count\":\"5\"}", "INVALID_PARAMETER", "count");
        assertError("{\"type\":\"subscribe\",\"interval\":0}", "INVALID_PARAMETER", "interval must be a number of seconds");
        assertError("{\"type\":\"subscribe\",\"interval\":\"fast\"}", "INVALID_PARAMETER", "got \"fast\"");
        assertError("{\"type\":\"subscribe\",\"sections\":\"memory\"}", "INVALID_PARAMETER", "sections must be a non-empty array");
        assertError("{\"type\":\"subscribe\",\"sections\":[]}", "INVALID_PARAMETER", "sections must be a non-empty array");
        assertError("{\"type\":\"subscribe\",\"sections\":[1]}", "INVALID_PARAMETER", "sections must hold section names, got 1");
    }

    @Test
    void subscribe_unknownSectionAfterFirstTick_isRefusedNamingItAndTheKnownOnes() throws Exception {
        feed.publish();
        connect().next("connection");

        assertError("{\"type\":\"subscribe\",\"sections\":[\"memroy\"]}", "INVALID_PARAMETER",
                "unknown section 'memroy'; available: memory, load");
    }

    @Test
    void badCommand_keepsTheConnectionAndTheSubscription() throws Exception {
        connect().next("connection");
        assertError("{\"type\":\"reboot\"}", "UNKNOWN_COMMAND", "reboot");

        long seq = feed.publish().seq();

        assertThat(client.next("monitoring_data").path("seq").asLong()).isEqualTo(seq);
    }

    @Test
    void rateLimit_beyond50CommandsInASecond_answersRateLimitedOnceNotPerCommand() throws Exception {
        connect().next("connection");
        for (int i = 0; i < 60; i++) {
            client.send("{\"type\":\"ping\"}");
        }

        int pongs = 0;
        int limited = 0;
        for (int i = 0; i < 51; i++) {
            JsonNode reply = client.next();
            if (reply.path("type").asText().equals("pong")) {
                pongs++;
            } else {
                assertThat(reply.path("code").asText()).isEqualTo("RATE_LIMITED");
                assertThat(reply.path("message").asText()).contains("50 commands per second");
                limited++;
            }
        }

        assertThat(pongs).isEqualTo(50);
        assertThat(limited).isEqualTo(1);
        long seq = feed.publish().seq();
        assertThat(client.next().path("seq").asLong()).as("the next message after the one RATE_LIMITED").isEqualTo(seq);
    }

    @Test
    void pingFlood_pingFramesCountAgainstTheRate_aCommandAfter50PingsIsRateLimited() {
        connect().next("connection");
        for (int i = 0; i < 50; i++) {
            client.ping();
        }

        client.send("{\"type\":\"get_status\"}");

        assertThat(client.next().path("code").asText()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void pingFlood_keptUpPastTheGrace_closesWith1008() {
        connect().next("connection");

        for (int step = 0; step < 70 && client.closeCode() < 0; step++) {
            for (int i = 0; i < 10; i++) {
                client.ping();
            }
            ticker.advance(Duration.ofMillis(100));
        }

        assertThat(client.closeCode()).isEqualTo(1008);
        assertThat(ticker.instant()).isAfterOrEqualTo(Instant.parse("2026-01-03T09:00:05Z"));
        assertThat(protocol.connectedClients()).isZero();
    }

    @Test
    void rateLimit_keptUpPastTheGrace_closesWith1008() {
        connect().next("connection");

        for (int step = 0; step < 70 && client.closeCode() < 0; step++) {
            for (int i = 0; i < 10; i++) {
                client.send("{\"type\":\"ping\"}");
            }
            ticker.advance(Duration.ofMillis(100));
        }

        assertThat(client.closeCode()).isEqualTo(1008);
        assertThat(ticker.instant()).isAfterOrEqualTo(Instant.parse("2026-01-03T09:00:05Z"));
        assertThat(protocol.connectedClients()).isZero();
    }

    @Test
    void rateLimit_aCalmSecond_allowsCommandsAgain() {
        connect().next("connection");
        for (int i = 0; i < 51; i++) {
            client.send("{\"type\":\"ping\"}");
        }
        ticker.advance(Duration.ofSeconds(1));
        client.send("{\"type\":\"ping\"}");

        List<String> types = new ArrayList<>();
        while (client.pending() > 0) {
            types.add(client.next().path("type").asText());
        }

        assertThat(types).hasSize(52).endsWith("error", "pong");
    }

    @Test
    void stalledClient_getsOnlyTheNewestDataButEveryReply() {
        connect().next("connection");
        client.stall(true);

        feed.publish();
        client.send("{\"type\":\"ping\"}");
        feed.publish();
        feed.publish();
        client.send("{\"type\":\"ping\"}");

        List<String> received = new ArrayList<>();
        while (client.pending() > 0) {
            JsonNode message = client.next();
            received.add(message.path("type").asText() + message.path("seq").asText(""));
        }
        assertThat(received).containsExactlyInAnyOrder("pong", "pong", "monitoring_data3");
    }

    @Test
    void subscribe_newShape_dropsTheDataOfTheOldShapeNotYetSent() {
        connect().next("connection");
        client.stall(true);
        feed.publish();

        client.send("{\"type\":\"subscribe\",\"sections\":[\"memory\"]}");

        assertThat(client.next().path("type").asText()).isEqualTo("subscribed");
        assertThat(client.pending()).isZero();
    }

    @Test
    void connect_atMaxClients_isRefusedAndALeavingClientFreesItsPlace() throws Exception {
        stop();
        start(1, 4 * 1024 * 1024);
        MemoryClient first = connect();

        assertThat(connect().closeCode()).isEqualTo(1008);
        first.hangUp();
        assertThat(connect().closeCode()).isEqualTo(-1);
        assertThat(protocol.connectedClients()).isEqualTo(1);
    }

    @Test
    void shapes_twoClientsOfOneShape_shareOneFrame() {
        MemoryClient a = connect();
        MemoryClient b = connect();
        a.send("{\"type\":\"subscribe\",\"sections\":[\"load\"]}");
        b.send("{\"type\":\"subscribe\",\"sections\":[\"load\"]}");
        a.next("subscribed");
        b.next("subscribed");

        feed.publish();

        assertThat(a.next("monitoring_data")).isEqualTo(b.next("monitoring_data"));
    }

    private void assertError(String command, String code, String message) throws Exception {
        client.send(command);
        JsonNode error = client.next("error");
        assertThat(error.path("code").asText()).as(command).isEqualTo(code);
        assertThat(error.path("message").asText()).as(command).contains(message);
    }
}
