package io.wsmon.ws.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.Version;
import io.wsmon.core.testing.FakeMonitor;
import io.wsmon.core.time.ManualClock;
import io.wsmon.ws.testkit.JdkClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server fed by a real {@link MonitoringService}, its ticks stepped with a {@link ManualClock}. */
class MonitoringServiceServerTest {

    private static final Duration INTERVAL = Duration.ofMillis(500);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-03T09:00:00Z"), ZoneOffset.ofHours(1));
    private final AtomicInteger reading = new AtomicInteger();
    private MonitoringService service;
    private WebSocketServer server;

    @BeforeEach
    void start() throws Exception {
        service = MonitoringService.builder().interval(INTERVAL).clock(clock).ticker(clock).discovery(false)
                .monitor(new FakeMonitor("alpha", () -> Map.of("value", reading.incrementAndGet())))
                .onlyMonitors("alpha")
                .start();
        server = WebSocketServer.builder(service).host("127.0.0.1").port(0).start();
    }

    @AfterEach
    void stop() {
        server.close();
        service.close();
    }

    @Test
    void serviceTicks_reachTheClientAsMonitoringDataWithConsecutiveSeq() throws Exception {
        try (JdkClient client = JdkClient.connect(server.port())) {
            JsonNode welcome = client.next("connection");
            long first = client.next("monitoring_data").path("seq").asLong();

            for (long expected = first + 1; expected <= first + 3; expected++) {
                clock.awaitSleepers(1, Duration.ofSeconds(5));
                clock.advance(INTERVAL);
                JsonNode data = client.next("monitoring_data");
                assertThat(data.path("seq").asLong()).isEqualTo(expected);
                assertThat(data.path("data").path("alpha").path("value").asInt()).isEqualTo((int) expected);
            }

            assertThat(welcome.path("server_version").asText()).isEqualTo(Version.current());
            assertThat(welcome.path("interval").asDouble()).isEqualTo(0.5);
        }
    }

    @Test
    void getHistory_comesFromTheServiceHistory() throws Exception {
        try (JdkClient client = JdkClient.connect(server.port())) {
            client.next("monitoring_data");
            clock.awaitSleepers(1, Duration.ofSeconds(5));
            clock.advance(INTERVAL);
            client.nextMatching(n -> n.path("seq").asLong() == 2);

            client.send("{\"type\":\"get_history\",\"count\":10}");
            JsonNode history = client.next("history");

            assertThat(history.path("snapshots")).extracting(n -> n.path("seq").asLong()).containsExactly(1L, 2L);
        }
    }
}
