package io.wsmon.ws.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.wsmon.ws.testkit.ProcessOutput;
import io.wsmon.ws.testkit.SeedExamples;
import io.wsmon.ws.testkit.TestFeed;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed README's JavaScript client, unchanged but for the port, in a page that a real browser
 * (headless Chromium) loads from another origin: allowed when that origin is on the allow-list, refused
 * otherwise. A second script on the page reports each message's type.
 */
class BrowserClientTest {

    private static final String REPORTER =
            "ws.addEventListener('message', (e) => console.log('TYPE ' + JSON.parse(e.data).type));";

    private final TestFeed feed = new TestFeed();
    private HttpServer pages;
    private WebSocketServer server;

    @TempDir
    Path profile;

    @BeforeEach
    void servePage() throws IOException {
        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.start();
    }

    @AfterEach
    void stop() {
        pages.stop(0);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void seedJavascriptClient_inABrowserFromAnAllowedOrigin_receivesMonitoringData() throws Exception {
        Optional<String> chromium = chromium();
        assumeTrue(chromium.isPresent(), "needs chromium (Debian: chromium)");
        server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0).allowedOrigin(pageOrigin()).start();
        feed.publish();

        List<String> console = runBrowser(chromium.get(), "TYPE monitoring_data");

        assertThat(console).anySatisfy(line -> assertThat(line).contains("Connected to monitoring server"));
        assertThat(console).anySatisfy(line -> assertThat(line).contains("Data received:"));
        assertThat(console).anySatisfy(line -> assertThat(line).contains("TYPE connection"));
        assertThat(console).anySatisfy(line -> assertThat(line).contains("TYPE monitoring_data"));
    }

    @Test
    void seedJavascriptClient_inABrowserFromAForeignOrigin_isRefused() throws Exception {
        Optional<String> chromium = chromium();
        assumeTrue(chromium.isPresent(), "needs chromium (Debian: chromium)");
        server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0).start();

        List<String> console = runBrowser(chromium.get(), "WebSocket error:");

        assertThat(console).anySatisfy(line -> assertThat(line).contains("WebSocket error:"));
        assertThat(console).noneSatisfy(line -> assertThat(line).contains("Connected to monitoring server"));
        assertThat(server.refusedRequests()).isPositive();
    }

    private String pageOrigin() {
        return "http://127.0.0.1:" + pages.getAddress().getPort();
    }

    private List<String> runBrowser(String chromium, String marker) throws Exception {
        String snippet = SeedExamples.onPort(SeedExamples.JAVASCRIPT, server.port());
        byte[] page = ("<!doctype html><html><body><script>\n" + snippet + "\n</script><script>" + REPORTER
                + "</script></body></html>").getBytes(StandardCharsets.UTF_8);
        pages.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        return ProcessOutput.runUntil(List.of(chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile,
                pageOrigin() + "/"), marker, Duration.ofSeconds(30));
    }

    private static Optional<String> chromium() {
        return Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser")
                .filter(path -> Files.isExecutable(Path.of(path))).findFirst();
    }
}
