package io.wsmon.bench.ws;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Masked client frames, as RFC 6455 §5.3 asks of a client; the mask is fixed, which the server may not mind. */
final class ClientFrame {

    private static final byte[] MASK = {0x11, 0x22, 0x33, 0x44};

    private ClientFrame() {}

    /**
     * @param text a text message
     * @return one final masked text frame carrying it
     */
    static byte[] text(String text) {
        return frame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param opcode the opcode
     * @param payload the payload
     * @return one final masked frame
     */
    static byte[] frame(int opcode, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 14);
        out.write(0x80 | opcode);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else if (payload.length <= 0xFFFF) {
            out.write(0x80 | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        out.writeBytes(MASK);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ MASK[i & 3]);
        }
        return out.toByteArray();
    }

    /**
     * @param bytes the size wanted
     * @return as many 125-byte pings (the most a pong may echo) as fit, back to back
     */
    static byte[] pings(int bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes);
        byte[] ping = frame(0x9, new byte[125]);
        while (out.size() + ping.length <= bytes) {
            out.writeBytes(ping);
        }
        return out.toByteArray();
    }
}
