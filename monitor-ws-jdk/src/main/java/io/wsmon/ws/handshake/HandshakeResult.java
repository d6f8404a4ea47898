package io.wsmon.ws.handshake;

import io.wsmon.api.http.HttpResponse;
import java.nio.ByteBuffer;

/** The outcome of checking an opening handshake. */
public sealed interface HandshakeResult {

    /**
     * The handshake is valid: send the response and speak WebSocket.
     *
     * @param response the {@code 101 Switching Protocols} response
     */
    record Accepted(ByteBuffer response) implements HandshakeResult {}

    /**
     * The handshake is refused: send the response and close.
     *
     * @param response the error response (400, 403 or 426)
     * @param reason why, for the log
     */
    record Refused(HttpResponse response, String reason) implements HandshakeResult {}
}
