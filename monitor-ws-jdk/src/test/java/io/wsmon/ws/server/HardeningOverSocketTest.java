package io.wsmon.ws.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wsmon.ws.testkit.ClientFrames;
import io.wsmon.ws.testkit.HttpReply;
import io.wsmon.ws.testkit.RawClient;
import io.wsmon.ws.testkit.ServerFrame;
import io.wsmon.ws.testkit.TestFeed;
import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an attacker would try over a socket: DNS rebinding, forged log lines, bytewise heads and frames, absurd parameters. */
class HardeningOverSocketTest {

    private final TestFeed feed = new TestFeed();
    private WebSocketServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(ServerConfig.Builder builder) throws Exception {
        server = builder.port(0).start();
    }

    private void startOnLoopback() throws Exception {
        start(WebSocketServer.builder(feed.feed()).host("127.0.0.1"));
    }

    @Test
    void dnsRebinding_handshakeWithAForeignHostAndItsOwnOrigin_is403NamingTheHost() throws Exception {
        startOnLoopback();
        String evil = "evil.example:" + server.port();

        HttpReply reply = reply(RawClient.handshake("Origin: http://" + evil + "\r\n").replace("Host: 127.0.0.1", "Host: " + evil));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).contains("Host not allowed: " + evil);
        assertThat(server.refusedRequests()).isEqualTo(1);
    }

    @Test
    void dnsRebinding_httpApiRequestWithAForeignHost_is403() throws Exception {
        startOnLoopback();
        feed.publish();

        assertThat(reply("GET /api/snapshot HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\n\r\n").status())
                .isEqualTo(403);
        assertThat(reply("GET /api/snapshot HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\n\r\n").status())
                .isEqualTo(200);
    }

    @Test
    void dnsRebinding_allowedHostAddition_isAdmitted() throws Exception {
        start(WebSocketServer.builder(feed.feed()).host("127.0.0.1").allowedHost("dash.example"));

        HttpReply reply = reply(RawClient.handshake("Origin: http://dash.example\r\n").replace("Host: 127.0.0.1", "Host: dash.example"));

        assertThat(reply.status()).isEqualTo(101);
    }

    @Test
    void dnsRebinding_serverOnAllInterfaces_isReachableByItsOwnAddressesWithoutFlags() throws Exception {
        Optional<InetAddress> own = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        assumeTrue(own.isPresent(), "this machine has no IPv4 address besides loopback");
        start(WebSocketServer.builder(feed.feed()).host("0.0.0.0"));

        HttpReply reply = reply("GET /healthz HTTP/1.1\r\nHost: " + own.get().getHostAddress() + ":" + server.port() + "\r\n\r\n");

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void httpApi_requestWithAForeignOrigin_is403AsTheJavadocClaims() throws Exception {
        startOnLoopback();
        feed.publish();
        String own = "http://127.0.0.1:" + server.port();

        assertThat(reply("GET /api/status HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nOrigin: http://evil.example\r\n\r\n")
                .status()).isEqualTo(403);
        assertThat(reply("GET /api/status HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nOrigin: " + own + "\r\n\r\n")
                .status()).isEqualTo(200);
    }

    @Test
    void bareLfRequestLines_areAnsweredAtOnceNotAtTheHandshakeTimeout() throws Exception {
        startOnLoopback();

        HttpReply reply = reply("GET /healthz HTTP/1.1\nHost: 127.0.0.1\n\n");

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void http11RequestWithoutHost_is400() throws Exception {
        startOnLoopback();

        HttpReply reply = reply("GET /healthz HTTP/1.1\r\n\r\n");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("Missing Host header");
    }

    @Test
    void logForging_headerValuesWithBareLfCrEscOrNul_are400() throws Exception {
        startOnLoopback();
        for (String forged : List.of("Origin: http://x\r[ERROR] forged", "Origin: \u001b[31m[ERROR] forged",
                "X-Thing: a\u0000b", "Origin: http://x\u0007")) {
            HttpReply reply = reply(RawClient.handshake(forged + "\r\n"));

            assertThat(reply.status()).as(forged).isEqualTo(400);
        }
    }

    @Test
    void quadraticReassembly_headSentAByteAtATime_isAnswered() throws Exception {
        startOnLoopback();
        String head = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + "p".repeat(6000) + "\r\n\r\n";
        try (RawClient client = RawClient.connect(server.port())) {
            for (byte b : head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)) {
                client.write(new byte[] {b});
            }

            assertThat(client.readHttp().status()).isEqualTo(200);
        }
    }

    @Test
    void quadraticReassembly_60KbMessageSentAByteAtATime_isAnswered() throws Exception {
        startOnLoopback();
        byte[] frame = ClientFrames.text(bigPing());
        try (RawClient client = RawClient.open(server.port())) {
            for (byte b : frame) {
                client.write(new byte[] {b});
            }

            assertThat(client.readUntil(f -> f.text().contains("\"type\":\"pong\"")).text()).contains("pong");
        }
    }

    @Test
    void quadraticReassembly_60KbMessageInOneByteFragments_isAnswered() throws Exception {
        startOnLoopback();
        byte[] message = bigPing().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteArrayOutputStream fragments = new ByteArrayOutputStream();
        for (int i = 0; i < message.length; i++) {
            fragments.write(ClientFrames.frame(i == message.length - 1, i == 0 ? 0x1 : 0x0, new byte[] {message[i]}));
        }
        try (RawClient client = RawClient.open(server.port())) {
            client.write(fragments.toByteArray());

            assertThat(client.readUntil(f -> f.text().contains("\"type\":\"pong\"")).text()).contains("pong");
        }
    }

    @Test
    void httpBounds_absurdCounts_are400AndHugeOnesCapped() throws Exception {
        startOnLoopback();
        feed.publish();
        for (String count : List.of("99999999999999999999", "-1", "0", "1e3", "", "0x10", "1.5", "9".repeat(5000))) {
            HttpReply reply = reply("GET /api/history?count=" + count + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

            assertThat(reply.status()).as(count.length() > 30 ? count.length() + " digits" : count).isEqualTo(400);
            assertThat(reply.body().length()).as("the bad value is echoed cut short").isLessThan(200);
        }
        assertThat(reply("GET /api/history?count=2147483648 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").status()).isEqualTo(200);
    }

    @Test
    void wsBounds_absurdCountInGetHistory_isInvalidParameter() throws Exception {
        startOnLoopback();
        try (RawClient client = RawClient.open(server.port())) {
            for (String count : List.of("18446744073709551617", "-1", "1.5", "\"5\"", "1e400")) {
                client.write(ClientFrames.text("{\"type\":\"get_history\",\"count\":" + count + "}"));

                ServerFrame reply = client.readUntil(f -> f.text().contains("\"type\":\"error\""));
                assertThat(reply.text()).as(count).contains("INVALID_PARAMETER").contains("count must be a positive integer");
            }
        }
    }

    @Test
    void httpBounds_pathTraversalAndEncodedSlashes_areNotServedAsAnotherEndpoint() throws Exception {
        startOnLoopback();
        feed.publish();
        for (String path : List.of("/api/../api/status", "/healthz/../api/status", "/api/%2e%2e/api/status",
                "/../../etc/passwd", "/api/status/..", "//api/status")) {
            HttpReply reply = reply("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

            assertThat(reply.status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void httpBounds_hugeQueryOrHeaderCount_is431() throws Exception {
        startOnLoopback();

        assertThat(reply("GET /api/history?count=1&x=" + "a".repeat(9000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .status()).isEqualTo(431);
        assertThat(reply("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "X: y\r\n".repeat(2000) + "\r\n")
                .status()).isEqualTo(431);
    }

    @Test
    void httpBounds_malformedRequestLinesAndHeaders_are400() throws Exception {
        startOnLoopback();
        for (String request : List.of("GET  /healthz HTTP/1.1\r\nHost: x\r\n\r\n", "GET /healthz HTTP/1.1 extra\r\nHost: x\r\n\r\n",
                "GET /healthz\r\n\r\n", "GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n", "GET /healthz HTTP/1.1\r\n: v\r\nHost: x\r\n\r\n",
                "GET /%G0 HTTP/1.1\r\nHost: x\r\n\r\n", "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: 127.0.0.1\r\n\r\n")) {
            assertThat(reply(request).status()).as(request).isEqualTo(400);
        }
    }

    private static String bigPing() {
        return "{\"type\":\"ping\",\"pad\":\"" + "x".repeat(60_000) + "\"}";
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
