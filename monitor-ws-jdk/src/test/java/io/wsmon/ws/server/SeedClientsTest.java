package io.wsmon.ws.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wsmon.ws.testkit.ProcessOutput;
import io.wsmon.ws.testkit.SeedExamples;
import io.wsmon.ws.testkit.TestFeed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client examples of the seed README (§5 "Connecting to the Server"), run as they are, in real
 * processes: Python with {@code websockets} and JavaScript with the WHATWG {@code WebSocket} (Node's,
 * the browser API). Only the port differs, since tests do not take 8765.
 */
class SeedClientsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final TestFeed feed = new TestFeed();
    private WebSocketServer server;

    @BeforeEach
    void start() throws Exception {
        server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0).start();
        feed.publish();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pythonClientOfTheSeed_receivesWelcomeAndMonitoringData() throws Exception {
        Optional<String> python = pythonWithWebsockets();
        assumeTrue(python.isPresent(), "needs python3 with the websockets package (Debian: python3-websockets)");

        String client = SeedExamples.onPort(SeedExamples.PYTHON, server.port());
        List<String> lines = ProcessOutput.runUntil(List.of(python.get(), "-u", "-c", client), "'monitoring_data'", TIMEOUT);

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Received: {'type': 'connection'"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Received: {'type': 'monitoring_data'"));
    }

    @Test
    void javascriptClientOfTheSeed_receivesWelcomeAndMonitoringData() throws Exception {
        assumeTrue(ProcessOutput.succeeds("node", "--experimental-websocket", "-e", "if (typeof WebSocket !== 'function') process.exit(1)"),
                "needs node 20.10+ with the WHATWG WebSocket");

        List<String> lines = ProcessOutput.runUntil(
                List.of("node", "--experimental-websocket", "--no-warnings", "-e", SeedExamples.onPort(SeedExamples.JAVASCRIPT, server.port())),
                "monitoring_data", TIMEOUT);

        assertThat(lines).contains("Connected to monitoring server");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Data received:"));
        assertThat(String.join("\n", lines)).contains("type: 'connection'").contains("type: 'monitoring_data'");
    }

    private static Optional<String> pythonWithWebsockets() {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            if (ProcessOutput.succeeds(python, "-c", "import websockets")) {
                return Optional.of(python);
            }
        }
        return Optional.empty();
    }
}
