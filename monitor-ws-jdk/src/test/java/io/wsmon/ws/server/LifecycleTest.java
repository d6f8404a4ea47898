package io.wsmon.ws.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.core.testing.Await;
import io.wsmon.core.time.ManualClock;
import io.wsmon.ws.testkit.ClientFrames;
import io.wsmon.ws.testkit.JdkClient;
import io.wsmon.ws.testkit.RawClient;
import io.wsmon.ws.testkit.ServerFrame;
import io.wsmon.ws.testkit.TestFeed;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Capacity, rate-limit closing, shutdown and connection churn. */
class LifecycleTest {

    private static final String PING = "{\"type\":\"ping\"}";

    private final TestFeed feed = new TestFeed();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-03T09:15:30Z"), ZoneOffset.UTC);
    private WebSocketServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void maxClients_oneMoreClient_isClosed1008ServerAtCapacity() throws Exception {
        server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0).maxClients(2).start();
        try (JdkClient first = JdkClient.connect(server.port()); JdkClient second = JdkClient.connect(server.port());
                JdkClient third = JdkClient.connect(server.port())) {
            first.next("connection");
            second.next("connection");

            assertThat(third.awaitClose()).isEqualTo(1008);
            assertThat(third.closeReason()).isEqualTo("Server at capacity");
            assertThat(server.connectedClients()).isEqualTo(2);
            first.send("{\"type\":\"ping\"}");
            assertThat(first.next("pong")).isNotNull();
        }
    }

    @Test
    void maxClients_afterOneLeaves_admitsTheNext() throws Exception {
        server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0).maxClients(1).start();
        try (JdkClient first = JdkClient.connect(server.port())) {
            first.next("connection");
        }
        Await.until("the first client to be gone", () -> server.connectedClients() == 0);

        try (JdkClient second = JdkClient.connect(server.port())) {
            assertThat(second.next().path("type").asText()).isEqualTo("connection");
        }
    }

    @Test
    void rateLimit_clientThatKeepsOnPastTheGrace_isClosed1008() throws Exception {
        server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0).ticker(clock)
                .commandsPerSecond(5).rateLimitGrace(Duration.ofMillis(300)).start();
        try (RawClient client = RawClient.open(server.port())) {
            for (int i = 0; i < 6; i++) {
                client.write(ClientFrames.text(PING));
            }
            client.readUntil(frame -> frame.opcode() == ServerFrame.TEXT && frame.text().contains("RATE_LIMITED"));

            clock.advance(Duration.ofMillis(300));
            client.write(ClientFrames.text(PING));

            ServerFrame close = client.awaitClose();
            assertThat(close.closeCode()).isEqualTo(1008);
            assertThat(close.closeReason()).isEqualTo("Rate limit exceeded");
        }
    }

    @Test
    void close_sendsEveryClient1001AndStopsTheLoop() throws Exception {
        server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0).start();
        int port = server.port();
        try (JdkClient a = JdkClient.connect(port); JdkClient b = JdkClient.connect(port)) {
            a.next("connection");
            b.next("connection");

            server.close();

            assertThat(a.awaitClose()).isEqualTo(1001);
            assertThat(b.awaitClose()).isEqualTo(1001);
            assertThat(server.isRunning()).isFalse();
            assertThat(feed.feed().listenerCount()).isZero();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void close_withAClientThatIgnoresTheCloseFrame_returnsOnceTheShutdownTimeoutHasPassed() throws Exception {
        // The close timeout outlasts the shutdown timeout, so only the latter can end the wait for the client.
        server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0).ticker(clock)
                .shutdownTimeout(Duration.ofSeconds(30)).closeTimeout(Duration.ofSeconds(60)).start();
        ExecutorService closer = Executors.newSingleThreadExecutor();
        try (RawClient deaf = RawClient.open(server.port())) {
            Future<?> closing = closer.submit(server::close);
            assertThat(deaf.readUntil(frame -> frame.opcode() == ServerFrame.CLOSE).closeCode()).isEqualTo(1001);

            clock.advance(Duration.ofSeconds(29));
            assertThat(closing).isNotDone();
            clock.advance(Duration.ofSeconds(1));

            closing.get(10, TimeUnit.SECONDS);
            assertThat(server.isRunning()).isFalse();
            assertThat(deaf.isClosedByServer()).isTrue();
        } finally {
            closer.shutdownNow();
        }
    }

    @Test
    void churn_concurrentConnectsAndDisconnects_leaveNoConnectionOrThreadBehind() throws Exception {
        server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0).closeTimeout(Duration.ofMillis(500)).start();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int variant = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        churnOnce(variant + i);
                        if (i % 5 == 0) {
                            feed.publish();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }

        Await.until("every socket to be closed", () -> server.openSockets() == 0);
        assertThat(server.connectedClients()).isZero();
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("wsmon-ws"))
                .extracting(Thread::getName).containsExactly("wsmon-ws-loop-" + server.port());
        try (RawClient after = RawClient.open(server.port())) {
            after.write(ClientFrames.text("{\"type\":\"get_status\"}"));
            assertThat(after.readUntil(f -> f.text().contains("\"status\"")).text()).contains("\"connected_clients\":1");
        }
    }

    /** One of four ways to come and go: polite close, abrupt reset, half a handshake, a protocol error. */
    private void churnOnce(int variant) throws IOException {
        switch (variant % 4) {
            case 0 -> {
                try (RawClient client = RawClient.open(server.port())) {
                    client.write(ClientFrames.close(1000, ""));
                    client.awaitClose();
                }
            }
            case 1 -> {
                RawClient client = RawClient.open(server.port());
                client.close();
            }
            case 2 -> {
                try (RawClient client = RawClient.connect(server.port())) {
                    client.write("GET / HTTP/1.1\r\nHost: x\r\n");
                }
            }
            default -> {
                try (RawClient client = RawClient.open(server.port())) {
                    client.write(ClientFrames.raw(0x81, false, new byte[0]));
                    client.awaitClose();
                }
            }
        }
    }
}
