package io.wsmon.ws.frame;

import java.nio.ByteBuffer;

/** Reads the status code of a received close frame (RFC 6455 §5.5.1). */
public final class CloseFrames {

    private CloseFrames() {}

    /**
     * Checks a close frame's payload and returns its code.
     *
     * @param payload the unmasked payload: empty, or a two-byte code and a UTF-8 reason
     * @return the code, or {@link CloseCode#NO_STATUS} when the payload is empty
     * @throws ProtocolException when the payload is one byte or the code may not be sent (1002), or the
     *     reason is not UTF-8 (1007)
     */
    public static int code(ByteBuffer payload) throws ProtocolException {
        int length = payload.remaining();
        if (length == 0) {
            return CloseCode.NO_STATUS;
        }
        if (length == 1) {
            throw new ProtocolException(CloseCode.PROTOCOL_ERROR, "Close frame payload of one byte");
        }
        int code = payload.getShort(payload.position()) & 0xFFFF;
        if (!CloseCode.isValidOnWire(code)) {
            throw new ProtocolException(CloseCode.PROTOCOL_ERROR, "Invalid close code " + code);
        }
        Utf8Validator reason = new Utf8Validator();
        if (!reason.feed(payload.duplicate().position(payload.position() + 2)) || !reason.isComplete()) {
            throw new ProtocolException(CloseCode.INVALID_PAYLOAD, "Close reason is not valid UTF-8");
        }
        return code;
    }
}
