package io.wsmon.ws.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wsmon.core.testing.Await;
import io.wsmon.ws.testkit.JdkClient;
import io.wsmon.ws.testkit.HttpReply;
import io.wsmon.ws.testkit.ProcessOutput;
import io.wsmon.ws.testkit.RawClient;
import io.wsmon.ws.testkit.StalledClientCheck;
import io.wsmon.ws.testkit.SeedExamples;
import io.wsmon.ws.testkit.TestCertificates;
import io.wsmon.ws.testkit.TestFeed;
import io.wsmon.ws.tls.TlsIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wss://} and {@code https://} on the server's port, with certificates made by the test: the JDK's
 * WebSocket and HTTP clients, the seed's Python client, plain text on the TLS port, renewals on disk and a
 * TLS client that never reads.
 */
class TlsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    static Path certificates;
    private static TestCertificates first;
    private static TestCertificates second;

    private final TestFeed feed = new TestFeed();
    private WebSocketServer server;

    @BeforeAll
    static void makeCertificates() throws Exception {
        first = TestCertificates.generate(certificates, "first", "EC");
        second = TestCertificates.generate(certificates, "second", "RSA");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void jdkWebSocketClient_overWss_receivesWelcomeAndEveryTick() throws Exception {
        start(TlsIdentity.pem(first.certificatePem(), first.keyPem()), Duration.ofSeconds(1));
        try (JdkClient client = JdkClient.connectTls(server.port(), first.clientContext())) {
            assertThat(client.next("connection").path("type").asText()).isEqualTo("connection");
            List<Long> received = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long seq = feed.publish().seq();
                received.add(client.nextMatching(n -> n.path("seq").asLong() == seq).path("seq").asLong());
            }
            client.send("{\"type\":\"ping\"}");
            assertThat(client.next("pong").path("type").asText()).isEqualTo("pong");
            assertThat(received).isEqualTo(LongStream.rangeClosed(1, 10).boxed().toList());
        }
    }

    @Test
    void jdkHttpClient_overHttps_getsTheSnapshotAndHealth() throws Exception {
        start(TlsIdentity.pem(first.certificatePem(), first.keyPem()), Duration.ofSeconds(1));
        feed.publish();
        HttpClient client = HttpClient.newBuilder().sslContext(first.clientContext()).build();

        HttpResponse<String> snapshot = client.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + server.port() + "/api/snapshot")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + server.port() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(snapshot.statusCode()).isEqualTo(200);
        assertThat(snapshot.body()).contains("\"memory\"");
        assertThat(snapshot.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(health.statusCode()).isIn(200, 503);
    }

    @Test
    void pkcs12KeyStore_andEmbedderContext_serveTls12AndTls13() throws Exception {
        TlsIdentity keyStore = TlsIdentity.pkcs12(second.keyStore(), second.password().toCharArray());
        start(keyStore, Duration.ofSeconds(1));
        assertThat(handshake("TLSv1.3", second.clientContext())).isEqualTo(second.certificate());
        assertThat(handshake("TLSv1.2", second.clientContext())).isEqualTo(second.certificate());
        server.close();

        SSLContext embedders = keyStore.load();
        server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0).tls(embedders).start();
        assertThat(handshake("TLSv1.3", second.clientContext())).isEqualTo(second.certificate());
    }

    @Test
    void plainHttpOnTheTlsPort_gets400_andTlsClientsKeepTheirTicks() throws Exception {
        start(TlsIdentity.pem(first.certificatePem(), first.keyPem()), Duration.ofSeconds(1));
        try (JdkClient client = JdkClient.connectTls(server.port(), first.clientContext())) {
            client.next("connection");
            for (int i = 0; i < 3; i++) {
                try (RawClient plain = RawClient.connect(server.port())) {
                    plain.write(RawClient.handshake(""));
                    HttpReply reply = plain.readHttp();
                    assertThat(reply.status()).isEqualTo(400);
                    assertThat(reply.body()).contains("TLS");
                    assertThat(plain.isClosedByServer()).isTrue();
                }
                long seq = feed.publish().seq();
                assertThat(client.nextMatching(n -> n.path("seq").asLong() == seq).path("seq").asLong()).isEqualTo(seq);
            }
            Await.until("only the TLS client left", () -> server.openSockets() == 1);
            assertThat(server.refusedRequests()).isEqualTo(3);
        }
    }

    @Test
    void renewedCertificate_isServedToNewConnections_andConnectedClientsKeepTheirTicks() throws Exception {
        Path cert = Files.copy(first.certificatePem(), certificates.resolve("live-cert.pem"));
        Path key = Files.copy(first.keyPem(), certificates.resolve("live-key.pem"));
        start(TlsIdentity.pem(cert, key).checkEvery(Duration.ofMillis(100)), Duration.ofSeconds(1));
        SSLContext trustsBoth = TestCertificates.trusting(first.certificate(), second.certificate());
        try (JdkClient connected = JdkClient.connectTls(server.port(), trustsBoth)) {
            connected.next("connection");
            assertThat(handshake("TLSv1.3", trustsBoth)).isEqualTo(first.certificate());

            Files.writeString(cert, "not a certificate");
            long seq = feed.publish().seq();
            connected.nextMatching(n -> n.path("seq").asLong() == seq);
            second.renew(cert, key);
            Await.until("the renewed certificate on new connections", () -> second.certificate().equals(handshakeQuietly(trustsBoth)));

            long after = feed.publish().seq();
            assertThat(connected.nextMatching(n -> n.path("seq").asLong() == after).path("seq").asLong()).isEqualTo(after);
        }
    }

    @Test
    void unusableRenewal_keepsThePreviousCertificate() throws Exception {
        Path cert = Files.copy(first.certificatePem(), certificates.resolve("kept-cert.pem"));
        Path key = Files.copy(first.keyPem(), certificates.resolve("kept-key.pem"));
        start(TlsIdentity.pem(cert, key).checkEvery(Duration.ofMillis(50)), Duration.ofSeconds(1));

        Files.copy(second.keyPem(), key, StandardCopyOption.REPLACE_EXISTING);
        long watchedUntil = System.nanoTime() + Duration.ofMillis(500).toNanos();
        for (int i = 0; i < 1000 && System.nanoTime() - watchedUntil < 0; i++) {
            assertThat(handshake("TLSv1.3", first.clientContext())).isEqualTo(first.certificate());
        }

        Files.copy(second.certificatePem(), cert, StandardCopyOption.REPLACE_EXISTING);
        SSLContext trustsSecond = second.clientContext();
        Await.until("the checker alive, serving the next good renewal",
                () -> second.certificate().equals(handshakeQuietly(trustsSecond)));
    }

    @Test
    void tlsClientThatNeverReads_othersGetEveryTickAndItIsDroppedAfterTheSendTimeout() throws Exception {
        feed.padding(200_000);
        start(TlsIdentity.pem(first.certificatePem(), first.keyPem()), Duration.ofMillis(500));
        try (JdkClient reader = JdkClient.connectTls(server.port(), first.clientContext());
                SSLSocket stalled = (SSLSocket) first.clientContext().getSocketFactory().createSocket("127.0.0.1", server.port())) {
            reader.next("connection");
            OutputStream out = stalled.getOutputStream();
            out.write(RawClient.handshake("").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            StalledClientCheck.readerGetsEveryTickUntilTheStalledClientIsDropped(feed, server, reader);
        }
    }

    @Test
    void pythonClientOfTheSeed_withAnSslContext_receivesWelcomeAndMonitoringData() throws Exception {
        Optional<String> python = pythonWithWebsockets();
        assumeTrue(python.isPresent(), "needs python3 with the websockets package (Debian: python3-websockets)");
        start(TlsIdentity.pem(first.certificatePem(), first.keyPem()), Duration.ofSeconds(1));
        feed.publish();

        String client = SeedExamples.PYTHON
                .replace("import json\n", "import json\nimport ssl\n\ncontext = ssl.create_default_context(cafile='"
                        + first.certificatePem() + "')\n")
                .replace("'ws://localhost:8765'", "'wss://localhost:" + server.port() + "', ssl=context");
        List<String> lines = ProcessOutput.runUntil(List.of(python.get(), "-u", "-c", client), "'monitoring_data'", TIMEOUT);

        assertThat(client).contains("ssl=context");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Received: {'type': 'connection'"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Received: {'type': 'monitoring_data'"));
    }

    @Test
    void tls12ClientInitiatedRenegotiation_isRefused_andOtherClientsKeepTheirTicks() throws Exception {
        start(TlsIdentity.pem(first.certificatePem(), first.keyPem()), Duration.ofSeconds(1));
        try (JdkClient good = JdkClient.connectTls(server.port(), first.clientContext());
                SSLSocket renegotiating = (SSLSocket) first.clientContext().getSocketFactory().createSocket("127.0.0.1", server.port())) {
            good.next("connection");
            renegotiating.setSoTimeout(10_000);
            renegotiating.setEnabledProtocols(new String[] {"TLSv1.2"});
            OutputStream out = renegotiating.getOutputStream();
            out.write(RawClient.handshake("").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = renegotiating.getInputStream();
            assertThat(new String(in.readNBytes(12), StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 101");

            renegotiating.startHandshake();
            String ending = readUntilTheEnd(in);

            assertThat(System.getProperty("jdk.tls.rejectClientInitiatedRenegotiation")).isEqualTo("true");
            assertThat(ending).contains("handshake_failure");
            Await.until("the renegotiating client's socket closed", () -> server.openSockets() == 1);
            long seq = feed.publish().seq();
            assertThat(good.nextMatching(n -> n.path("seq").asLong() == seq).path("seq").asLong()).isEqualTo(seq);
        }
    }

    @Test
    void clientOfferingOnlyTls11_isRefused_andTheServerGoesOn() throws Exception {
        start(TlsIdentity.pem(first.certificatePem(), first.keyPem()), Duration.ofSeconds(1));
        assertThatThrownBy(() -> handshake("TLSv1.1", first.clientContext())).isInstanceOf(Exception.class);
        assertThat(handshake("TLSv1.2", first.clientContext())).isEqualTo(first.certificate());
        Await.until("every socket closed", () -> server.openSockets() == 0);
    }

    private void start(TlsIdentity identity, Duration sendTimeout) throws Exception {
        server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0).sendTimeout(sendTimeout).tls(identity).start();
    }

    /** A TLS handshake with one protocol, then an HTTP request; returns the certificate the server showed. */
    private X509Certificate handshake(String protocol, SSLContext context) throws Exception {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
            OutputStream out = socket.getOutputStream();
            out.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            assertThat(new String(head, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 ");
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    /** Reads (a bounded amount) until the connection ends; returns how: the exception's message or "EOF". */
    private static String readUntilTheEnd(InputStream in) {
        byte[] buffer = new byte[16_384];
        try {
            for (int i = 0; i < 1000; i++) {
                if (in.read(buffer) < 0) {
                    return "EOF";
                }
            }
            return "still open after 1000 reads";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private X509Certificate handshakeQuietly(SSLContext context) {
        try {
            return handshake("TLSv1.3", context);
        } catch (SSLException e) {
            return null;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
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
