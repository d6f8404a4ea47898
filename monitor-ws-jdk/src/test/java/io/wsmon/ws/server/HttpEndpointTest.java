package io.wsmon.ws.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.http.HttpEndpoint;
import io.wsmon.api.http.HttpResponse;
import io.wsmon.ws.testkit.EchoEndpointProvider;
import io.wsmon.ws.testkit.HttpReply;
import io.wsmon.ws.testkit.RawClient;
import io.wsmon.ws.testkit.TestFeed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP extension point: endpoints from the builder and from ServiceLoader, and how requests are routed. */
class HttpEndpointTest {

    private final TestFeed feed = new TestFeed();
    private WebSocketServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpEndpoint text(String name, String path, boolean prefix, String body) {
        return new HttpEndpoint(name, path, prefix, Set.of("GET"), false,
                request -> HttpResponse.of(200, "text/plain", (body + " " + request.path()).getBytes(StandardCharsets.UTF_8)));
    }

    private ServerConfig.Builder builder() {
        return WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0);
    }

    private HttpReply request(String method, String target, String headers) throws IOException {
        try (RawClient client = RawClient.connect(server.port())) {
            client.write(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n");
            return client.readHttp();
        }
    }

    private HttpReply get(String target) throws IOException {
        return request("GET", target, "");
    }

    @Test
    void builderEndpoint_isServedOnItsPath() throws Exception {
        server = builder().endpoint(text("hello", "/hello", false, "hi")).start();

        HttpReply reply = get("/hello?x=1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("hi /hello");
        assertThat(reply.headers()).containsEntry("content-type", "text/plain").containsEntry("connection", "close");
    }

    @Test
    void exactPath_beatsPrefix_andTheLongestPrefixWins() throws Exception {
        server = builder()
                .endpoint(text("files", "/files/", true, "files"))
                .endpoint(text("deep", "/files/deep/", true, "deep"))
                .endpoint(text("index", "/files/index", false, "index"))
                .start();

        assertThat(get("/files/index").body()).isEqualTo("index /files/index");
        assertThat(get("/files/a.css").body()).isEqualTo("files /files/a.css");
        assertThat(get("/files/deep/b.js").body()).isEqualTo("deep /files/deep/b.js");
        assertThat(get("/filesx").status()).isEqualTo(404);
    }

    @Test
    void path_isMatchedAsSent_soAnEncodedSlashIsNotASlash() throws Exception {
        server = builder().start();
        feed.publish();

        assertThat(get("/api/snapshot").status()).isEqualTo(200);
        assertThat(get("/api%2fsnapshot").status()).isEqualTo(404);
        assertThat(get("/api/%73napshot").status()).isEqualTo(404);
    }

    @Test
    void head_isAnsweredAsGetWithoutTheBody() throws Exception {
        server = builder().endpoint(text("hello", "/hello", false, "hi")).start();

        String raw;
        try (RawClient client = RawClient.connect(server.port())) {
            client.write("HEAD /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            raw = new String(client.input().readAllBytes(), StandardCharsets.ISO_8859_1);
        }

        assertThat(raw).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 9\r\n").endsWith("\r\n\r\n");
    }

    @Test
    void methodNotListed_is405WithAllow() throws Exception {
        server = builder().endpoint(new HttpEndpoint("form", "/form", false, Set.of("POST", "PUT"), false,
                request -> HttpResponse.of(200, "text/plain", new byte[0]))).start();

        HttpReply reply = get("/form");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.headers()).containsEntry("allow", "POST, PUT");
        assertThat(reply.body()).contains("GET is not allowed");
    }

    @Test
    void token_isAskedOnlyOfEndpointsThatRequireIt() throws Exception {
        server = builder().token("s3cret")
                .endpoint(HttpEndpoint.get("guarded", "/guarded", r -> HttpResponse.of(200, "text/plain", new byte[0])))
                .endpoint(HttpEndpoint.get("open", "/open", r -> HttpResponse.of(200, "text/plain", new byte[0]))
                        .withoutToken())
                .start();

        assertThat(get("/guarded").status()).isEqualTo(403);
        assertThat(get("/guarded?token=wrong").status()).isEqualTo(403);
        assertThat(request("GET", "/guarded", "Authorization: Bearer s3cret\r\n").status()).isEqualTo(200);
        assertThat(get("/open").status()).isEqualTo(200);
    }

    @Test
    void handlerThatThrows_is500AndTheServerKeepsServing() throws Exception {
        server = builder()
                .endpoint(HttpEndpoint.get("broken", "/broken", r -> {
                    throw new IllegalStateException("boom");
                }))
                .endpoint(HttpEndpoint.get("badHeader", "/bad-header",
                        r -> HttpResponse.of(200, "text/plain", new byte[0]).withHeader("X-Split", "a\r\nSet-Cookie: x")))
                .start();

        assertThat(get("/broken").status()).isEqualTo(500);
        assertThat(get("/bad-header").status()).isEqualTo(500);
        assertThat(get("/healthz").status()).isEqualTo(200);
        assertThat(server.isRunning()).isTrue();
    }

    @Test
    void twoEndpointsOnOnePath_failTheStartNamingBoth() {
        assertThatThrownBy(() -> builder().endpoint(text("mine", "/api/status", false, "x")).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'api-status'").hasMessageContaining("'mine'").hasMessageContaining("/api/status");
        assertThatThrownBy(() -> builder().endpoint(text("a", "/p/", true, "x")).endpoint(text("b", "/p/", true, "y")).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'a'").hasMessageContaining("'b'");
    }

    @Test
    void root_is426UntilAnEndpointClaimsIt_andUpgradesStillReachTheProtocol() throws Exception {
        server = builder().start();
        assertThat(get("/").status()).isEqualTo(426);
        server.close();

        server = builder().endpoint(text("page", "/", false, "page")).start();
        assertThat(get("/").body()).isEqualTo("page /");
        try (RawClient client = RawClient.open(server.port())) {
            assertThat(server.connectedClients()).as("the upgrade on / reached the protocol").isEqualTo(1);
        }
    }

    @Test
    void discoveredProvider_getsTheSettingsAndTheClientCount() throws Exception {
        server = builder().setting("test.greeting", "hello").start();

        HttpReply reply = get(EchoEndpointProvider.PATH);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("settings={test.greeting=hello} clients=0 running=true");
    }

    @Test
    void providerThatThrows_isLeftOutAndTheOthersLoad() throws Exception {
        server = builder().setting("test.fail", "true").start();

        assertThat(get(EchoEndpointProvider.PATH).status()).isEqualTo(200);
    }

    @Test
    void discoveryOff_loadsNoProvider() throws Exception {
        server = builder().discovery(false).start();

        assertThat(get(EchoEndpointProvider.PATH).status()).isEqualTo(404);
    }

    @Test
    void builder_secondValueForAnOption_isRefusedNamingBoth() {
        ServerConfig.Builder builder = builder();

        assertThatThrownBy(() -> builder.port(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("port: already set to 0, got 1");
        assertThatThrownBy(() -> builder.setting("a", "1").setting("a", "2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("setting a: already set to 1, got 2");
        assertThatThrownBy(() -> WebSocketServer.builder(feed.feed()).maxClients(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxClients: must be between 1 and 1000000, got 0");
    }
}
