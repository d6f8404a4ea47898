package io.wsmon.ws.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandshakeTest {

    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private final Handshake handshake = new Handshake(HostPolicy.of("127.0.0.1", List.of()), OriginPolicy.allowing(List.of()), AccessToken.of(Optional.empty()));

    @Test
    void acceptValue_rfcSampleKey_isTheRfcAnswer() {
        assertThat(Handshake.acceptValue(KEY)).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void check_validRequest_isAcceptedWith101() {
        HandshakeResult result = handshake.check(request(valid()));

        assertThat(result).isInstanceOf(HandshakeResult.Accepted.class);
        String response = StandardCharsets.US_ASCII.decode(((HandshakeResult.Accepted) result).response()).toString();
        assertThat(response).startsWith("HTTP/1.1 101 Switching Protocols\r\n")
                .contains("Upgrade: websocket\r\n", "Connection: Upgrade\r\n",
                        "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n")
                .endsWith("\r\n\r\n");
    }

    @Test
    void check_headerNamesAndTokensInAnyCase_areAccepted() {
        Map<String, String> headers = valid();
        headers.put("upgrade", "WebSocket");
        headers.put("connection", "keep-alive, upgrade");

        assertThat(handshake.check(request(headers))).isInstanceOf(HandshakeResult.Accepted.class);
    }

    @Test
    void isUpgradeAttempt_h2cUpgradeOffer_isPlainHttp() {
        Map<String, String> headers = new HashMap<>(Map.of("host", "x", "upgrade", "h2c", "connection", "Upgrade, HTTP2-Settings"));

        assertThat(Handshake.isUpgradeAttempt(request(headers))).isFalse();
        assertThat(Handshake.isUpgradeAttempt(request(valid()))).isTrue();
        assertThat(Handshake.isUpgradeAttempt(request(with("upgrade", "h2c")))).isTrue();
    }

    @Test
    void check_postMethod_is400NamingTheMethod() {
        assertRefused(new HttpRequest("POST", "/", Map.of(), "HTTP/1.1", valid()), 400, "must use GET, got POST");
    }

    @Test
    void check_http10_is400() {
        assertRefused(new HttpRequest("GET", "/", Map.of(), "HTTP/1.0", valid()), 400, "HTTP/1.1");
    }

    @Test
    void check_missingOrWrongHeaders_are400NamingTheHeader() {
        assertRefused(request(without("host")), 400, "Missing Host header");
        assertRefused(request(with("upgrade", "h2c")), 400, "Upgrade header must be 'websocket'");
        assertRefused(request(with("connection", "keep-alive")), 400, "Connection header must include 'Upgrade'");
        assertRefused(request(without("sec-websocket-key")), 400, "Sec-WebSocket-Key");
        assertRefused(request(with("sec-websocket-key", "c2hvcnQ=")), 400, "16 bytes");
        assertRefused(request(with("sec-websocket-key", "not base64!")), 400, "Sec-WebSocket-Key");
    }

    @Test
    void check_otherVersion_is426NamingVersion13() {
        HandshakeResult result = handshake.check(request(with("sec-websocket-version", "8")));

        assertThat(result).isInstanceOfSatisfying(HandshakeResult.Refused.class, refused -> {
            assertThat(refused.response().status()).isEqualTo(426);
            assertThat(refused.response().headers()).containsEntry("Sec-WebSocket-Version", "13");
            assertThat(refused.reason()).contains("8");
        });
    }

    @Test
    void check_missingVersion_is426() {
        assertRefused(request(without("sec-websocket-version")), 426, "(none)");
    }

    @Test
    void check_foreignOrigin_is403NamingIt() {
        assertRefused(request(with("origin", "http://evil.example")), 403, "Origin not allowed: http://evil.example");
    }

    @Test
    void check_sameHostOrigin_isAccepted() {
        assertThat(handshake.check(request(with("origin", "http://localhost:8765"))))
                .isInstanceOf(HandshakeResult.Accepted.class);
    }

    @Test
    void check_tokenRequired_admitsBearerAndQueryAndRefusesOthers() {
        Handshake guarded = new Handshake(HostPolicy.of("127.0.0.1", List.of()), OriginPolicy.allowing(List.of()), AccessToken.of(Optional.of("s3cret")));

        assertThat(guarded.check(request(with("authorization", "Bearer s3cret")))).isInstanceOf(HandshakeResult.Accepted.class);
        assertThat(guarded.check(new HttpRequest("GET", "/", Map.of("token", "s3cret"), "HTTP/1.1", valid())))
                .isInstanceOf(HandshakeResult.Accepted.class);
        assertThat(guarded.check(request(with("authorization", "Bearer wrong"))))
                .isInstanceOfSatisfying(HandshakeResult.Refused.class, r -> assertThat(r.response().status()).isEqualTo(403));
        assertThat(guarded.check(request(valid())))
                .isInstanceOfSatisfying(HandshakeResult.Refused.class, r -> assertThat(r.reason()).contains("access token"));
    }

    private void assertRefused(HttpRequest request, int status, String reason) {
        assertThat(handshake.check(request)).isInstanceOfSatisfying(HandshakeResult.Refused.class, refused -> {
            assertThat(refused.response().status()).isEqualTo(status);
            assertThat(refused.reason()).contains(reason);
            assertThat(new String(refused.response().body(), StandardCharsets.UTF_8)).contains(reason);
        });
    }

    private static Map<String, String> valid() {
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "localhost:8765");
        headers.put("upgrade", "websocket");
        headers.put("connection", "Upgrade");
        headers.put("sec-websocket-key", KEY);
        headers.put("sec-websocket-version", "13");
        return headers;
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> headers = valid();
        headers.put(name, value);
        return headers;
    }

    private static Map<String, String> without(String name) {
        Map<String, String> headers = valid();
        headers.remove(name);
        return headers;
    }

    private static HttpRequest request(Map<String, String> headers) {
        return new HttpRequest("GET", "/", Map.of(), "HTTP/1.1", headers);
    }
}
