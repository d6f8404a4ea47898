package io.wsmon.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable jar with a certificate, as an operator runs it (issue 13, SPEC §12): every endpoint of the
 * port over {@code https://} and {@code wss://}, and plain text on that port refused without disturbing the
 * TLS clients. The certificate is made by the JDK's {@code keytool} for the run. Loopback only.
 */
class TlsServerCommandIT {

    private static final String LOOPBACK = "127.0.0.1";
    private static final String PASSWORD = "secret-it";

    @TempDir
    Path dir;

    private Path keyStore;
    private SSLContext trusting;

    @BeforeEach
    void makeCertificate() throws Exception {
        keyStore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-keysize", "256", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0).as("keytool: %s", output).isTrue();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, trust.getTrustManagers(), null);
    }

    @Test
    void keyStoreWithThePasswordFromTheEnvironment_servesEveryEndpointOverHttpsAndWss_andRefusesPlainText()
            throws Exception {
        try (ServerProcess server = ServerProcess.start(Map.of("WSMON_TLS_KEYSTORE_PASSWORD", PASSWORD),
                "--host", LOOPBACK, "--port", "0", "--tls-keystore", keyStore.toString());
                WsClient client = WsClient.connect("wss://127.0.0.1:" + server.awaitListening() + "/", trusting)) {
            int port = server.awaitListening();
            assertThat(client.next("connection").path("type").asText()).isEqualTo("connection");
            long seq = client.next("monitoring_data").path("seq").asLong();
            HttpClient https = HttpClient.newBuilder().sslContext(trusting).build();

            for (String path : List.of("/", "/metrics", "/api/snapshot", "/api/status", "/healthz")) {
                HttpResponse<String> response = https.send(
                        HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("https://...%s: %s", path, response.body()).isEqualTo(200);
            }
            assertThat(plainRequest(port)).startsWith("HTTP/1.1 400 ").contains("use https:// or wss://");
            assertThat(client.next("monitoring_data").path("seq").asLong()).as("the wss client's next tick").isGreaterThan(seq);
            assertThat(server.stderr()).filteredOn(line -> line.contains("listening on")).singleElement().asString()
                    .contains("wss://127.0.0.1:" + port + "/");
        }
    }

    /** A plain-text HTTP request on the TLS port; returns the answer, which the server ends by closing. */
    private static String plainRequest(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
