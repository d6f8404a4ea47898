package io.wsmon.ws.http;

import io.wsmon.api.http.HttpRequest;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses an HTTP/1.x request head (request line and headers) from bytes as they arrive, with a bound on
 * its size so that a client cannot make the server buffer without end. The body, if any, is not read:
 * every request this server accepts is a {@code GET}.
 *
 * <p>The path is kept exactly as sent (still percent-encoded, though checked to be well-formed), so that
 * endpoints are matched on what the client sent: {@code /api%2fsnapshot} is not {@code /api/snapshot}.
 *
 * <p>Lines end with CRLF or, as RFC 9112 §2.2 allows a recipient to accept, a bare LF. A bare CR, or any
 * other control character than a tab in a header value, is refused with 400, so header values can be
 * logged without forging lines. An HTTP/1.1 request without exactly one {@code Host} is refused with 400
 * (RFC 9112 §3.2).
 */
public final class HttpRequestParser {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern VERSION = Pattern.compile("HTTP/1\\.[0-9]");

    private final int maxHeadBytes;

    /**
     * @param maxHeadBytes the largest request head accepted, request line and headers together, in bytes
     */
    public HttpRequestParser(int maxHeadBytes) {
        if (maxHeadBytes < 64) {
            throw new IllegalArgumentException("maxHeadBytes must be at least 64, got " + maxHeadBytes);
        }
        this.maxHeadBytes = maxHeadBytes;
    }

    /**
     * Parses the request head if it is complete.
     *
     * @param in received bytes between position and limit; on success the position moves past the
     *     blank line ending the head, otherwise it is unchanged
     * @return the request, or {@code null} when more bytes are needed
     * @throws HttpException 431 when the head exceeds the bound, 400 when it is malformed
     */
    public HttpRequest parse(ByteBuffer in) throws HttpException {
        return parse(in, 0);
    }

    /**
     * Parses the request head if it is complete, not searching again the bytes an earlier call found
     * incomplete, so that a head arriving a byte at a time costs linear time.
     *
     * @param in received bytes between position and limit; on success the position moves past the
     *     blank line ending the head, otherwise it is unchanged
     * @param alreadyScanned how many bytes from the position an earlier call on the same head saw
     * @return the request, or {@code null} when more bytes are needed
     * @throws HttpException 431 when the head exceeds the bound, 400 when it is malformed
     */
    public HttpRequest parse(ByteBuffer in, int alreadyScanned) throws HttpException {
        int end = findEndOfHead(in, Math.max(in.position(), in.position() + alreadyScanned - 3));
        if (end < 0) {
            if (in.remaining() >= maxHeadBytes) {
                throw new HttpException(431, "Request header fields exceed " + maxHeadBytes + " bytes");
            }
            return null;
        }
        int length = end - in.position();
        if (length > maxHeadBytes) {
            throw new HttpException(431, "Request header fields exceed " + maxHeadBytes + " bytes");
        }
        byte[] head = new byte[length];
        in.get(head);
        in.position(end + 1);
        return parseHead(new String(head, StandardCharsets.ISO_8859_1));
    }

    /** @return the index of the LF ending the empty line that ends the head ({@code LF LF} or {@code LF CR LF}), or -1 */
    private static int findEndOfHead(ByteBuffer in, int from) {
        for (int i = from, limit = in.limit(); i < limit; i++) {
            if (in.get(i) == '\n' && i > in.position()) {
                int before = in.get(i - 1);
                if (before == '\n' || (before == '\r' && i - 1 > in.position() && in.get(i - 2) == '\n')) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static HttpRequest parseHead(String head) throws HttpException {
        String[] lines = head.split("\n", -1);
        lines = Arrays.copyOf(lines, lines.length - 1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            lines[i] = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            checkCharacters(lines[i]);
        }
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3 || !TOKEN.matcher(requestLine[0]).matches() || requestLine[1].isEmpty()) {
            throw new HttpException(400, "Malformed request line");
        }
        if (!VERSION.matcher(requestLine[2]).matches()) {
            throw new HttpException(400, "Unsupported protocol version " + abbreviate(requestLine[2]));
        }
        String target = requestLine[1];
        if (!target.startsWith("/")) {
            throw new HttpException(400, "Request target must be an absolute path");
        }
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        decode(path);
        Map<String, String> query = question < 0 ? Map.of() : parseQuery(target.substring(question + 1));
        Map<String, String> headers = parseHeaders(lines);
        if (requestLine[2].equals("HTTP/1.1") && !headers.containsKey("host")) {
            throw new HttpException(400, "Missing Host header");
        }
        return new HttpRequest(requestLine[0], path, query, requestLine[2], headers);
    }

    /** Refuses control characters other than a tab, and DEL, anywhere in the head: none is valid there. */
    private static void checkCharacters(String line) throws HttpException {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw new HttpException(400, c == '\r' ? "Bare CR in request head"
                        : "Control character 0x" + Integer.toHexString(c) + " in request head");
            }
        }
    }

    private static Map<String, String> parseHeaders(String[] lines) throws HttpException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new HttpException(400, "Malformed header line " + (i + 1));
            }
            String name = line.substring(0, colon);
            if (!TOKEN.matcher(name).matches()) {
                throw new HttpException(400, "Invalid header name on line " + (i + 1));
            }
            String value = line.substring(colon + 1).strip();
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals("host") && headers.containsKey(key)) {
                throw new HttpException(400, "More than one Host header");
            }
            headers.merge(key, value, (a, b) -> a + ", " + b);
        }
        return headers;
    }

    private static Map<String, String> parseQuery(String query) throws HttpException {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static String decode(String text) throws HttpException {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpException(400, "Malformed percent-encoding in request target");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }
}
