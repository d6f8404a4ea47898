package io.wsmon.ws.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wsmon.ws.testkit.ProcessOutput;
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

    private static final String PYTHON_CLIENT = """
            import asyncio
            import websockets
            import json

            async def client():
                async with websockets.connect('ws://localhost:8765') as websocket:
                    while True:
                        data = await websocket.recv()
                        message = json.loads(data)
                        print(f"Received: {message}")

            asyncio.run(client())
            """;

    private static final String JAVASCRIPT_CLIENT = """
            const ws = new WebSocket('ws://localhost:8765');

            ws.onopen = () => {
                console.log('Connected to monitoring server');
            };

            ws.onmessage = (event) => {
                const data = JSON.parse(event.data);
                console.log('Data received:', data);
            };

            ws.onerror = (error) => {
                console.error('WebSocket error:', error);
            };
            """;

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

        List<String> lines = ProcessOutput.runUntil(List.of(python.get(), "-u", "-c", withPort(PYTHON_CLIENT)), "'monitoring_data'",
                TIMEOUT);

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Received: {'type': 'connection'"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Received: {'type': 'monitoring_data'"));
    }

    @Test
    void javascriptClientOfTheSeed_receivesWelcomeAndMonitoringData() throws Exception {
        assumeTrue(ProcessOutput.succeeds("node", "--experimental-websocket", "-e", "if (typeof WebSocket !== 'function') process.exit(1)"),
                "needs node 20.10+ with the WHATWG WebSocket");

        List<String> lines = ProcessOutput.runUntil(
                List.of("node", "--experimental-websocket", "--no-warnings", "-e", withPort(JAVASCRIPT_CLIENT)),
                "monitoring_data", TIMEOUT);

        assertThat(lines).contains("Connected to monitoring server");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Data received:"));
        assertThat(String.join("\n", lines)).contains("type: 'connection'").contains("type: 'monitoring_data'");
    }

    private String withPort(String script) {
        return script.replace("8765", Integer.toString(server.port()));
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
