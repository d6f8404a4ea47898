package io.wsmon.ws.handshake;

import io.wsmon.api.http.HttpRequest;
import io.wsmon.ws.http.HttpWire;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a client's opening handshake (RFC 6455 §4.2.1) and builds the answer (§4.2.2): the request must
 * be a {@code GET} over HTTP/1.1 with {@code Host}, {@code Upgrade: websocket}, a {@code Connection}
 * holding {@code Upgrade} and a {@code Sec-WebSocket-Key} of 16 base64-encoded bytes (else 400), speak
 * version 13 (else 426 naming the supported version), name an allowed host, come from an allowed origin
 * and carry the token when one is required (else 403). No extension or subprotocol is negotiated. Plain
 * HTTP requests are {@linkplain #screen screened} for the host and origin alike.
 *
 * <p>Immutable and thread-safe.
 */
public final class Handshake {

    /** The only protocol version this server speaks. */
    public static final String VERSION = "13";

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int KEY_BYTES = 16;

    private final HostPolicy hosts;
    private final OriginPolicy origins;
    private final AccessToken token;

    /**
     * @param hosts which {@code Host} values requests may carry
     * @param origins which origins may connect
     * @param token the token clients must present, if any
     */
    public Handshake(HostPolicy hosts, OriginPolicy origins, AccessToken token) {
        this.hosts = hosts;
        this.origins = origins;
        this.token = token;
    }

    /**
     * Whether a request asks for a WebSocket at all, so that it is checked here rather than served as
     * plain HTTP.
     *
     * <p>Other upgrade offers, such as HTTP/2's {@code Upgrade: h2c}, are plain HTTP requests: the
     * server may ignore the offer and answer in HTTP/1.1.
     *
     * @param request the request
     * @return true when it offers {@code Upgrade: websocket} or has a {@code Sec-WebSocket-Key}
     */
    public static boolean isUpgradeAttempt(HttpRequest request) {
        return request.headerHasToken("Upgrade", "websocket") || request.header("Sec-WebSocket-Key").isPresent();
    }

    /**
     * Checks a handshake.
     *
     * @param request the client's request
     * @return accepted with the 101 response, or refused with the error response and the reason
     */
    public HandshakeResult check(HttpRequest request) {
        if (!request.method().equals("GET")) {
            return refuse(400, "WebSocket handshake must use GET, got " + request.method());
        }
        if (request.version().equals("HTTP/1.0")) {
            return refuse(400, "WebSocket handshake requires HTTP/1.1");
        }
        if (request.header("Host").isEmpty()) {
            return refuse(400, "Missing Host header");
        }
        if (!request.headerHasToken("Upgrade", "websocket")) {
            return refuse(400, "Upgrade header must be 'websocket'");
        }
        if (!request.headerHasToken("Connection", "Upgrade")) {
            return refuse(400, "Connection header must include 'Upgrade'");
        }
        Optional<String> version = request.header("Sec-WebSocket-Version");
        if (!version.equals(Optional.of(VERSION))) {
            String message = "Unsupported Sec-WebSocket-Version " + version.orElse("(none)")
                    + "; this server speaks " + VERSION;
            return new HandshakeResult.Refused(
                    HttpWire.error(426, message, Map.of("Sec-WebSocket-Version", VERSION)), message);
        }
        Optional<String> key = request.header("Sec-WebSocket-Key");
        if (key.isEmpty() || !isValidKey(key.get())) {
            return refuse(400, "Sec-WebSocket-Key must be 16 bytes in base64");
        }
        Optional<HandshakeResult.Refused> refused = screen(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!token.admits(request)) {
            return refuse(403, "Missing or wrong access token");
        }
        return new HandshakeResult.Accepted(switchingProtocols(key.get()));
    }

    /**
     * Checks what every request must pass, WebSocket or plain HTTP: its {@code Host} is one this server
     * answers to, and its {@code Origin}, when it has one, is allowed.
     *
     * @param request the request
     * @return the 403 refusal, or empty when the request may proceed
     */
    public Optional<HandshakeResult.Refused> screen(HttpRequest request) {
        if (!hosts.allows(request.header("Host"))) {
            return Optional.of(refuse(403, "Host not allowed: " + request.header("Host").orElseThrow()
                    + "; allow it with --allowed-host"));
        }
        if (!origins.allows(request.header("Origin"), request.header("Host"))) {
            return Optional.of(refuse(403, "Origin not allowed: " + request.header("Origin").orElseThrow()));
        }
        return Optional.empty();
    }

    /**
     * The value of {@code Sec-WebSocket-Accept} for a key.
     *
     * @param key the client's {@code Sec-WebSocket-Key}
     * @return base64 of SHA-1 of the key and the RFC's GUID
     */
    public static String acceptValue(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
    }

    private static boolean isValidKey(String key) {
        try {
            return Base64.getDecoder().decode(key).length == KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ByteBuffer switchingProtocols(String key) {
        String response = "HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + acceptValue(key) + "\r\n\r\n";
        return ByteBuffer.wrap(response.getBytes(StandardCharsets.US_ASCII));
    }

    private static HandshakeResult.Refused refuse(int status, String message) {
        return new HandshakeResult.Refused(HttpWire.error(status, message), message);
    }
}
