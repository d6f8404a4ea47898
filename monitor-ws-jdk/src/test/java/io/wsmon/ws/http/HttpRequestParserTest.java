package io.wsmon.ws.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpRequestParserTest {

    private final HttpRequestParser parser = new HttpRequestParser(8192);

    @Test
    void parse_completeHead_givesMethodPathQueryAndHeaders() throws HttpException {
        ByteBuffer in = bytes("GET /api/history?count=5&token=a%20b HTTP/1.1\r\nHost: x:1\r\n"
                + "X-Thing: one\r\nx-thing: two\r\n\r\nrest");

        HttpRequest request = parser.parse(in);

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/api/history");
        assertThat(request.queryParameter("count")).contains("5");
        assertThat(request.queryParameter("token")).contains("a b");
        assertThat(request.header("HOST")).contains("x:1");
        assertThat(request.header("X-Thing")).contains("one, two");
        assertThat(StandardCharsets.US_ASCII.decode(in).toString()).isEqualTo("rest");
    }

    @Test
    void parse_incompleteHead_needsMoreAndConsumesNothing() throws HttpException {
        ByteBuffer in = bytes("GET / HTTP/1.1\r\nHost: x\r\n");

        assertThat(parser.parse(in)).isNull();
        assertThat(in.position()).isZero();
    }

    @Test
    void parse_headOverTheBoundWithoutEnd_is431NamingTheBound() {
        ByteBuffer in = bytes("GET / HTTP/1.1\r\nX: " + "a".repeat(8200));

        assertThatThrownBy(() -> parser.parse(in))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(431))
                .hasMessageContaining("8192 bytes");
    }

    @Test
    void parse_completeHeadOverTheBound_is431() {
        ByteBuffer in = bytes("GET / HTTP/1.1\r\nX: " + "a".repeat(8200) + "\r\n\r\n");

        assertThatThrownBy(() -> parser.parse(in))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(431));
    }

    @Test
    void parse_malformedRequests_are400NamingTheProblem() {
        assertBad("GET /\r\n\r\n", "Malformed request line");
        assertBad("GET / HTTP/2.0\r\n\r\n", "Unsupported protocol version HTTP/2.0");
        assertBad("GET http://x/ HTTP/1.1\r\n\r\n", "absolute path");
        assertBad("GET / HTTP/1.1\r\nno colon here\r\n\r\n", "Malformed header line 2");
        assertBad("GET / HTTP/1.1\r\nBad Name: v\r\n\r\n", "Invalid header name on line 2");
        assertBad("GET / HTTP/1.1\r\n folded\r\n\r\n", "Malformed header line 2");
        assertBad("GET /%zz HTTP/1.1\r\n\r\n", "percent-encoding");
    }

    @Test
    void bareLfRequestLines_areAcceptedAsLineEnds() throws HttpException {
        ByteBuffer in = bytes("GET /healthz HTTP/1.1\nHost: x\nX-A: 1\r\n\nrest");

        HttpRequest request = parser.parse(in);

        assertThat(request.path()).isEqualTo("/healthz");
        assertThat(request.header("Host")).contains("x");
        assertThat(request.header("X-A")).contains("1");
        assertThat(StandardCharsets.US_ASCII.decode(in).toString()).isEqualTo("rest");
    }

    @Test
    void bareLfHead_endedByLfCrLf_isComplete() throws HttpException {
        assertThat(parser.parse(bytes("GET / HTTP/1.1\nHost: x\n\r\n")).header("Host")).contains("x");
    }

    @Test
    void logForging_controlCharactersInHeaderValues_are400() {
        assertBad("GET / HTTP/1.1\r\nHost: x\r\nOrigin: http://a\rX-Forged: 1\r\n\r\n", "Bare CR");
        assertBad("GET / HTTP/1.1\r\nHost: x\r\nOrigin: \u001b[31m[ERROR]\r\n\r\n", "Control character 0x1b");
        assertBad("GET / HTTP/1.1\r\nHost: x\r\nOrigin: a\u0000b\r\n\r\n", "Control character 0x0");
        assertBad("GET / HTTP/1.1\r\nHost: x\r\nX: a\u007fb\r\n\r\n", "Control character 0x7f");
        assertBad("GET /\u0008 HTTP/1.1\r\nHost: x\r\n\r\n", "Control character 0x8");
    }

    @Test
    void logForging_tabInAHeaderValue_isAllowed() throws HttpException {
        assertThat(parser.parse(bytes("GET / HTTP/1.1\r\nHost: x\r\nX: a\tb\r\n\r\n")).header("X")).contains("a\tb");
    }

    @Test
    void http11WithoutHost_is400() {
        assertBad("GET / HTTP/1.1\r\nX: y\r\n\r\n", "Missing Host header");
        assertBad("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "More than one Host header");
    }

    @Test
    void http10WithoutHost_isAccepted() throws HttpException {
        assertThat(parser.parse(bytes("GET / HTTP/1.0\r\n\r\n")).version()).isEqualTo("HTTP/1.0");
    }

    @Test
    void quadraticReassembly_headArrivingAByteAtATime_isParsedWithTheScanHint() throws HttpException {
        byte[] head = ("GET /api/status HTTP/1.1\r\nHost: x\r\nX-Pad: " + "p".repeat(4000) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer in = ByteBuffer.allocate(head.length).flip();
        HttpRequest request = null;
        int scanned = 0;
        for (int i = 0; i < head.length && request == null; i++) {
            in.limit(i + 1).put(i, head[i]);
            request = parser.parse(in, scanned);
            scanned = in.remaining();
        }

        assertThat(request).isNotNull();
        assertThat(request.header("X-Pad")).hasValueSatisfying(v -> assertThat(v).hasSize(4000));
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void constructor_tinyBound_isRejectedNamingTheValue() {
        assertThatThrownBy(() -> new HttpRequestParser(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxHeadBytes must be at least 64, got 10");
    }

    private void assertBad(String head, String message) {
        assertThatThrownBy(() -> parser.parse(bytes(head)))
                .as(head)
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining(message);
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
