package io.wsmon.ws.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Builds client-to-server frames byte by byte, including broken ones, for tests. */
public final class ClientFrames {

    private static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};

    private ClientFrames() {}

    /**
     * A frame with every header field under the test's control.
     *
     * @param firstByte FIN, RSV and opcode bits as they go on the wire
     * @param masked whether to set the mask bit and mask the payload
     * @param payload the payload
     * @return the frame's bytes
     */
    public static byte[] raw(int firstByte, boolean masked, byte[] payload) {
        int length = payload.length;
        int lengthBytes = length < 126 ? 0 : length <= 0xFFFF ? 2 : 8;
        ByteBuffer frame = ByteBuffer.allocate(2 + lengthBytes + (masked ? 4 : 0) + length);
        frame.put((byte) firstByte);
        int maskBit = masked ? 0x80 : 0;
        if (lengthBytes == 0) {
            frame.put((byte) (maskBit | length));
        } else if (lengthBytes == 2) {
            frame.put((byte) (maskBit | 126)).putShort((short) length);
        } else {
            frame.put((byte) (maskBit | 127)).putLong(length);
        }
        if (masked) {
            frame.put(MASK);
        }
        for (int i = 0; i < length; i++) {
            frame.put((byte) (masked ? payload[i] ^ MASK[i & 3] : payload[i]));
        }
        return frame.array();
    }

    /**
     * A well-formed masked frame.
     *
     * @param fin whether it is final
     * @param opcode the opcode's wire value
     * @param payload the payload
     * @return the frame's bytes
     */
    public static byte[] frame(boolean fin, int opcode, byte[] payload) {
        return raw((fin ? 0x80 : 0) | opcode, true, payload);
    }

    /**
     * A final masked text frame.
     *
     * @param text the message
     * @return the frame's bytes
     */
    public static byte[] text(String text) {
        return frame(true, 0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A masked close frame.
     *
     * @param code the status code
     * @param reason the reason
     * @return the frame's bytes
     */
    public static byte[] close(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(2 + text.length).putShort((short) code).put(text);
        return frame(true, 0x8, payload.array());
    }

    /**
     * Concatenates frames, as they would arrive in one read.
     *
     * @param frames the frames
     * @return their bytes in order
     */
    public static byte[] concat(byte[]... frames) {
        int total = 0;
        for (byte[] f : frames) {
            total += f.length;
        }
        ByteBuffer all = ByteBuffer.allocate(total);
        for (byte[] f : frames) {
            all.put(f);
        }
        return all.array();
    }
}
