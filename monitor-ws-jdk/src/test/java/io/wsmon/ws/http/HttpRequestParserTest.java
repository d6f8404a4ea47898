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
