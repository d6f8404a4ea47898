package io.wsmon.ws.frame;

/** The frame opcodes of RFC 6455 §5.2. Every other value is reserved and fails the connection. */
public enum Opcode {
    /** Continues a fragmented message. */
    CONTINUATION(0x0),
    /** A UTF-8 text message or its first fragment. */
    TEXT(0x1),
    /** A binary message or its first fragment. */
    BINARY(0x2),
    /** Starts or answers the closing handshake. */
    CLOSE(0x8),
    /** Asks the peer for a pong. */
    PING(0x9),
    /** Answers a ping, or a unidirectional heartbeat. */
    PONG(0xA);

    private static final Opcode[] BY_CODE = new Opcode[16];

    static {
        for (Opcode opcode : values()) {
            BY_CODE[opcode.code] = opcode;
        }
    }

    private final int code;

    Opcode(int code) {
        this.code = code;
    }

    /**
     * The opcode's four-bit value on the wire.
     *
     * @return 0x0 to 0xA
     */
    public int code() {
        return code;
    }

    /**
     * Whether this is a control frame (close, ping, pong): at most 125 bytes and never fragmented.
     *
     * @return true for close, ping and pong
     */
    public boolean isControl() {
        return (code & 0x8) != 0;
    }

    /**
     * The opcode for a four-bit wire value.
     *
     * @param code the low four bits of a frame's first byte
     * @return the opcode, or {@code null} for a reserved value
     */
    public static Opcode fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
