package io.wsmon.ws.frame;

import java.nio.ByteBuffer;

/**
 * Decodes client-to-server frames (RFC 6455 §5.2) strictly: every frame must be masked, reserved bits
 * must be clear (no extension is negotiated), reserved opcodes are refused, lengths must use their
 * shortest form, control frames must be final and at most 125 bytes, and no payload may exceed the
 * configured bound. Each violation is a {@link ProtocolException} naming the problem, raised as soon as
 * the offending header byte arrives, before any payload is buffered.
 *
 * <p>Stateless and thread-safe: fragmentation and UTF-8 are the business of {@link MessageAssembler}.
 */
public final class FrameDecoder {

    /** Control frames carry at most this many payload bytes. */
    public static final int MAX_CONTROL_PAYLOAD = 125;

    private static final int MASK_KEY_LENGTH = 4;

    private final int maxFramePayload;

    /**
     * @param maxFramePayload the largest payload accepted in one frame, in bytes; a larger one is refused
     *     with {@link CloseCode#MESSAGE_TOO_BIG}
     */
    public FrameDecoder(int maxFramePayload) {
        if (maxFramePayload < MAX_CONTROL_PAYLOAD) {
            throw new IllegalArgumentException(
                    "maxFramePayload must be at least " + MAX_CONTROL_PAYLOAD + " bytes, got " + maxFramePayload);
        }
        this.maxFramePayload = maxFramePayload;
    }

    /**
     * Decodes the next frame if it is complete.
     *
     * @param in received bytes between position and limit; on success the position moves past the
     *     frame, otherwise it is unchanged
     * @return the frame, or {@code null} when more bytes are needed
     * @throws ProtocolException when the bytes so far already break the protocol or a limit
     */
    public Frame decode(ByteBuffer in) throws ProtocolException {
        int start = in.position();
        int available = in.remaining();
        if (available < 2) {
            return null;
        }
        int b0 = in.get(start) & 0xFF;
        int b1 = in.get(start + 1) & 0xFF;
        boolean fin = (b0 & 0x80) != 0;
        Opcode opcode = checkFirstByte(b0, fin);
        if ((b1 & 0x80) == 0) {
            throw new ProtocolException(CloseCode.PROTOCOL_ERROR, "Client frame is not masked");
        }
        int shortLength = b1 & 0x7F;
        int lengthBytes = shortLength == 126 ? 2 : shortLength == 127 ? 8 : 0;
        if (opcode.isControl() && shortLength > MAX_CONTROL_PAYLOAD) {
            throw new ProtocolException(CloseCode.PROTOCOL_ERROR, "Control frame payload over 125 bytes");
        }
        if (available < 2 + lengthBytes) {
            return null;
        }
        long length = payloadLength(in, start + 2, shortLength);
        if (length > maxFramePayload) {
            throw new ProtocolException(CloseCode.MESSAGE_TOO_BIG,
                    "Frame payload of " + length + " bytes exceeds the limit of " + maxFramePayload);
        }
        int headerLength = 2 + lengthBytes + MASK_KEY_LENGTH;
        if (available < headerLength + length) {
            return null;
        }
        int maskAt = start + 2 + lengthBytes;
        ByteBuffer payload = unmask(in, maskAt, maskAt + MASK_KEY_LENGTH, (int) length);
        in.position(start + headerLength + (int) length);
        return new Frame(fin, opcode, payload);
    }

    private static Opcode checkFirstByte(int b0, boolean fin) throws ProtocolException {
        if ((b0 & 0x70) != 0) {
            throw new ProtocolException(CloseCode.PROTOCOL_ERROR, "Reserved bits set without an extension");
        }
        Opcode opcode = Opcode.fromCode(b0 & 0x0F);
        if (opcode == null) {
            throw new ProtocolException(CloseCode.PROTOCOL_ERROR, "Reserved opcode 0x" + Integer.toHexString(b0 & 0x0F));
        }
        if (opcode.isControl() && !fin) {
            throw new ProtocolException(CloseCode.PROTOCOL_ERROR, "Fragmented control frame");
        }
        return opcode;
    }

    private static long payloadLength(ByteBuffer in, int at, int shortLength) throws ProtocolException {
        if (shortLength < 126) {
            return shortLength;
        }
        if (shortLength == 126) {
            int length = in.getShort(at) & 0xFFFF;
            if (length < 126) {
                throw new ProtocolException(CloseCode.PROTOCOL_ERROR, "Payload length not in its shortest form");
            }
            return length;
        }
        long length = in.getLong(at);
        if (length < 0) {
            throw new ProtocolException(CloseCode.PROTOCOL_ERROR, "Payload length has its most significant bit set");
        }
        if (length <= 0xFFFF) {
            throw new ProtocolException(CloseCode.PROTOCOL_ERROR, "Payload length not in its shortest form");
        }
        return length;
    }

    private static ByteBuffer unmask(ByteBuffer in, int maskAt, int payloadAt, int length) {
        byte[] mask = new byte[MASK_KEY_LENGTH];
        in.get(maskAt, mask);
        byte[] payload = new byte[length];
        in.get(payloadAt, payload);
        for (int i = 0; i < length; i++) {
            payload[i] ^= mask[i & 3];
        }
        return ByteBuffer.wrap(payload);
    }
}
