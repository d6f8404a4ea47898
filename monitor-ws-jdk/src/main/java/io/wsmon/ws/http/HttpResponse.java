package io.wsmon.ws.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP/1.1 response, always sent with {@code Connection: close}: this server answers one request per
 * connection.
 *
 * @param status the status code
 * @param headers extra headers, in order (Content-Length and Connection are added when encoding)
 * @param body the body bytes
 */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(101, "Switching Protocols"),
            Map.entry(200, "OK"),
            Map.entry(400, "Bad Request"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(426, "Upgrade Required"),
            Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(503, "Service Unavailable"));

    /** Copies the headers, keeping their order. */
    public HttpResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * A JSON response.
     *
     * @param status the status code
     * @param json the UTF-8 JSON body
     * @return the response
     */
    public static HttpResponse json(int status, byte[] json) {
        return new HttpResponse(status, Map.of("Content-Type", "application/json"), json);
    }

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
     * @param headers the extra headers
     * @return the response
     */
    public static HttpResponse error(int status, String message, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "text/plain; charset=utf-8");
        String body = status + " " + reason(status) + ": " + message + "\n";
        return new HttpResponse(status, all, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The standard reason phrase of a status code this server uses.
     *
     * @param status the status code
     * @return the reason phrase, or {@code "Status"} for others
     */
    public static String reason(int status) {
        return REASONS.getOrDefault(status, "Status");
    }

    /**
     * The response as it goes on the wire.
     *
     * @return a buffer holding the status line, headers and body
     */
    public ByteBuffer encode() {
        StringBuilder head = new StringBuilder(128)
                .append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        return ByteBuffer.allocate(headBytes.length + body.length).put(headBytes).put(body).flip();
    }
}
