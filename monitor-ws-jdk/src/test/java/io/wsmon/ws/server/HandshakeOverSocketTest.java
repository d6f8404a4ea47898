package io.wsmon.ws.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.core.testing.Await;
import io.wsmon.core.time.ManualClock;
import io.wsmon.ws.testkit.HttpReply;
import io.wsmon.ws.testkit.RawClient;
import io.wsmon.ws.testkit.TestFeed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opening handshakes, good and bad, over a raw socket. The server's timers run on a {@link ManualClock}: the
 * handshake timeout passes only when a test moves the clock.
 */
class HandshakeOverSocketTest {

    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofMillis(300);

    private final TestFeed feed = new TestFeed();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-03T09:15:30Z"), ZoneOffset.UTC);
    private WebSocketServer server;

    @BeforeEach
    void start() throws Exception {
        server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0).ticker(clock)
                .handshakeTimeout(HANDSHAKE_TIMEOUT).token("s3cret").allowedOrigin("http://dash.example").start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void handshake_valid_answers101WithTheAcceptKey() throws Exception {
        try (RawClient client = RawClient.connect(server.port())) {
            client.write(RawClient.handshake("Authorization: Bearer s3cret\r\n"));

            HttpReply reply = client.readHttp();

            assertThat(reply.status()).isEqualTo(101);
            assertThat(reply.headers()).containsEntry("sec-websocket-accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
                    .containsEntry("upgrade", "websocket").containsEntry("connection", "Upgrade");
            assertThat(client.readFrame().text()).contains("\"type\":\"connection\"");
        }
    }

    @Test
    void handshake_tokenInQuery_isAccepted() throws Exception {
        assertThat(reply(RawClient.handshake("").replace("GET / ", "GET /?token=s3cret ")).status()).isEqualTo(101);
    }

    @Test
    void handshake_withoutToken_is403AndClosed() throws Exception {
        HttpReply reply = reply(RawClient.handshake(""));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).contains("access token");
    }

    @Test
    void handshake_foreignOrigin_is403NamingIt() throws Exception {
        HttpReply reply = reply(RawClient.handshake("Authorization: Bearer s3cret\r\nOrigin: http://evil.example\r\n"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).contains("Origin not allowed: http://evil.example");
    }

    @Test
    void handshake_allowedOrigin_is101() throws Exception {
        HttpReply reply = reply(RawClient.handshake("Authorization: Bearer s3cret\r\nOrigin: http://dash.example\r\n"));

        assertThat(reply.status()).isEqualTo(101);
    }

    @Test
    void handshake_version8_is426NamingVersion13() throws Exception {
        HttpReply reply = reply(RawClient.handshake("Authorization: Bearer s3cret\r\n")
                .replace("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 8"));

        assertThat(reply.status()).isEqualTo(426);
        assertThat(reply.headers()).containsEntry("sec-websocket-version", "13");
    }

    @Test
    void handshake_badKeyOrMissingUpgradeHeaders_is400() throws Exception {
        String auth = "Authorization: Bearer s3cret\r\n";
        assertThat(reply(RawClient.handshake(auth).replace(RawClient.KEY, "short")).status()).isEqualTo(400);
        assertThat(reply(RawClient.handshake(auth).replace("Connection: Upgrade", "Connection: close")).status())
                .isEqualTo(400);
        assertThat(reply(RawClient.handshake(auth).replace("GET /", "POST /")).body()).contains("must use GET");
        assertThat(reply(RawClient.handshake(auth).replace("Host: 127.0.0.1\r\n", "")).body()).contains("Host");
    }

    @Test
    void request_headersOver8KiB_is431() throws Exception {
        HttpReply reply = reply(RawClient.handshake("X-Filler: " + "a".repeat(9000) + "\r\n"));

        assertThat(reply.status()).isEqualTo(431);
    }

    @Test
    void request_garbage_is400() throws Exception {
        HttpReply reply = reply("\u0001\u0002 nonsense\r\n\r\n");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void slowloris_incompleteHeadPastTheHandshakeTimeout_isDisconnected() throws Exception {
        try (RawClient client = RawClient.connect(server.port())) {
            client.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            Await.until("the server to accept the socket", () -> server.openSockets() == 1);

            clock.advance(HANDSHAKE_TIMEOUT);

            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    private HttpReply reply(String request) throws Exception {
        try (RawClient client = RawClient.connect(server.port())) {
            client.write(request);
            HttpReply reply = client.readHttp();
            if (reply.status() != 101) {
                assertThat(client.isClosedByServer()).as("closed after %d", reply.status()).isTrue();
            }
            return reply;
        }
    }
}
