package io.wsmon.ws.frame;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes server-to-client frames: final, unmasked (RFC 6455 §5.1), header and payload in one buffer so
 * a frame built once can be shared by every client that sends it.
 */
public final class FrameEncoder {

    /** The longest close reason that fits a control frame after the two-byte code. */
    static final int MAX_CLOSE_REASON = FrameDecoder.MAX_CONTROL_PAYLOAD - 2;

    private FrameEncoder() {}

    /**
     * Encodes one final frame.
     *
     * @param opcode the frame's opcode
     * @param payload the payload between position and limit; not moved
     * @return a read-only buffer holding the whole frame, positioned at its first byte
     * @throws IllegalArgumentException when a control frame's payload exceeds 125 bytes
     */
    public static ByteBuffer encode(Opcode opcode, ByteBuffer payload) {
        return encode(opcode, payload, false);
    }

    /**
     * Encodes one final text frame into native memory, for a frame that many clients share: the socket
     * writes it without first copying it out of the Java heap, once per client.
     *
     * @param payload the UTF-8 payload between position and limit; not moved
     * @return a read-only direct buffer holding the whole frame, positioned at its first byte
     */
    public static ByteBuffer sharedText(ByteBuffer payload) {
        return encode(Opcode.TEXT, payload, true);
    }

    private static ByteBuffer encode(Opcode opcode, ByteBuffer payload, boolean direct) {
        int length = payload.remaining();
        if (opcode.isControl() && length > FrameDecoder.MAX_CONTROL_PAYLOAD) {
            throw new IllegalArgumentException(opcode + " payload must be at most 125 bytes, got " + length);
        }
        int lengthBytes = length < 126 ? 0 : length <= 0xFFFF ? 2 : 8;
        int size = 2 + lengthBytes + length;
        ByteBuffer frame = direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
        frame.put((byte) (0x80 | opcode.code()));
        if (lengthBytes == 0) {
            frame.put((byte) length);
        } else if (lengthBytes == 2) {
            frame.put((byte) 126).putShort((short) length);
        } else {
            frame.put((byte) 127).putLong(length);
        }
        frame.put(payload.duplicate());
        return frame.flip().asReadOnlyBuffer();
    }

    /**
     * Encodes a text frame.
     *
     * @param utf8 the message's UTF-8 bytes
     * @return the frame, read-only
     */
    public static ByteBuffer text(byte[] utf8) {
        return encode(Opcode.TEXT, ByteBuffer.wrap(utf8));
    }

    /**
     * Encodes a close frame. The reason is cut, on a character boundary, to fit the 125-byte limit.
     *
     * @param code the close code
     * @param reason a short explanation, may be empty
     * @return the frame, read-only
     */
    public static ByteBuffer close(int code, String reason) {
        byte[] text = fitCloseReason(reason);
        ByteBuffer payload = ByteBuffer.allocate(2 + text.length).putShort((short) code).put(text).flip();
        return encode(Opcode.CLOSE, payload);
    }

    private static byte[] fitCloseReason(String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        if (text.length <= MAX_CLOSE_REASON) {
            return text;
        }
        int end = MAX_CLOSE_REASON;
        while ((text[end] & 0xC0) == 0x80) {
            end--;
        }
        byte[] cut = new byte[end];
        System.arraycopy(text, 0, cut, 0, end);
        return cut;
    }
}
