package io.wsmon.ws.http;

import io.wsmon.api.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How an HTTP response goes on the wire: the status line with its reason phrase, the headers,
 * {@code Content-Length} and {@code Connection: close} (this server answers one request per connection),
 * and the body unless the request was a {@code HEAD}. Also makes the plain-text error responses of the
 * HTTP layer.
 */
public final class HttpWire {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(101, "Switching Protocols"),
            Map.entry(200, "OK"),
            Map.entry(201, "Created"),
            Map.entry(202, "Accepted"),
            Map.entry(204, "No Content"),
            Map.entry(301, "Moved Permanently"),
            Map.entry(302, "Found"),
            Map.entry(304, "Not Modified"),
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"),
            Map.entry(426, "Upgrade Required"),
            Map.entry(429, "Too Many Requests"),
            Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(503, "Service Unavailable"));

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private HttpWire() {}

    /**
     * A plain-text error response whose body is the status line and the reason, for example
     * {@code "400 Bad Request: count must be a positive integer, got 'x'"}.
     *
     * @param status the status code
     * @param message why the request failed
     * @return the response
     */
    public static HttpResponse error(int status, String message) {
        return error(status, message, Map.of());
    }

    /**
     * A plain-text error response with extra headers, such as {@code Allow} or
     * {@code Sec-WebSocket-Version}.
     *
     * @param status the status code
     * @param message why the request failed
     * @param headers the extra headers, sent before {@code Content-Type}
     * @return the response
     */
    public static HttpResponse error(int status, String message, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "text/plain; charset=utf-8");
        String body = status + " " + reason(status) + ": " + message + "\n";
        return new HttpResponse(status, all, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The standard reason phrase of a status code.
     *
     * @param status the status code
     * @return the reason phrase, or {@code "Status"} for codes not listed here
     */
    public static String reason(int status) {
        return REASONS.getOrDefault(status, "Status");
    }

    /**
     * Checks that a response's headers cannot break the response: names are HTTP tokens and values hold
     * no line breaks or other control characters.
     *
     * @param response the response
     * @throws IllegalArgumentException naming the first bad header
     */
    public static void checkHeaders(HttpResponse response) {
        response.headers().forEach((name, value) -> {
            if (!TOKEN.matcher(name).matches()) {
                throw new IllegalArgumentException("header name: must be an HTTP token, got '" + name + "'");
            }
            if (value == null || value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF)) {
                throw new IllegalArgumentException("header " + name + ": must hold no control characters, got '"
                        + value + "'");
            }
        });
    }

    /**
     * The response as it goes on the wire. Any {@code Content-Length} or {@code Connection} header the
     * response carries is replaced by the server's own.
     *
     * @param response the response
     * @param withBody false when answering {@code HEAD}: the head announces the body's length, no body follows
     * @return a buffer holding the status line, headers and (unless left out) body
     */
    public static ByteBuffer encode(HttpResponse response, boolean withBody) {
        StringBuilder head = new StringBuilder(128)
                .append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status())).append("\r\n");
        response.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Connection")) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        byte[] body = response.body();
        head.append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer wire = ByteBuffer.allocate(headBytes.length + (withBody ? body.length : 0)).put(headBytes);
        if (withBody) {
            wire.put(body);
        }
        return wire.flip();
    }
}
