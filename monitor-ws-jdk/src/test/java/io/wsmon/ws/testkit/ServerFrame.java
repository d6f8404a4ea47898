package io.wsmon.ws.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A frame as a raw client read it from the server.
 *
 * @param fin the FIN bit
 * @param opcode the opcode's wire value
 * @param payload the payload
 */
public record ServerFrame(boolean fin, int opcode, byte[] payload) {

    /** Close opcode. */
    public static final int CLOSE = 0x8;
    /** Ping opcode. */
    public static final int PING = 0x9;
    /** Pong opcode. */
    public static final int PONG = 0xA;
    /** Text opcode. */
    public static final int TEXT = 0x1;

    /** @return the payload as UTF-8 text */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** @return the status code of a close frame, or 1005 when it has none */
    public int closeCode() {
        return payload.length < 2 ? 1005 : ByteBuffer.wrap(payload).getShort() & 0xFFFF;
    }

    /** @return the reason of a close frame */
    public String closeReason() {
        return payload.length <= 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
    }
}
