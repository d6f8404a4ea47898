package io.wsmon.ws.frame;

/** Status codes of a close frame (RFC 6455 §7.4) and which of them a peer may send. */
public final class CloseCode {

    /** The purpose of the connection is fulfilled. */
    public static final int NORMAL = 1000;
    /** The server is going down. */
    public static final int GOING_AWAY = 1001;
    /** The peer broke the protocol. */
    public static final int PROTOCOL_ERROR = 1002;
    /** The peer sent a kind of data this endpoint does not accept (binary, here). */
    public static final int UNSUPPORTED_DATA = 1003;
    /** Reserved: never on the wire; a close frame without a code reads as this. */
    public static final int NO_STATUS = 1005;
    /** Reserved: never on the wire; the connection closed without a close frame. */
    public static final int ABNORMAL = 1006;
    /** A text message was not valid UTF-8. */
    public static final int INVALID_PAYLOAD = 1007;
    /** The peer broke this server's policy: capacity, rate limit. */
    public static final int POLICY_VIOLATION = 1008;
    /** A frame or message was larger than allowed. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** The server failed in an unexpected way, or the peer stopped answering keepalive pings. */
    public static final int INTERNAL_ERROR = 1011;

    private CloseCode() {}

    /**
     * Whether a peer may send this code in a close frame: 1000–1003, 1007–1014, or 3000–4999
     * (registered and private use). 1004, 1005, 1006, 1015 and everything else are a protocol error.
     *
     * @param code the code read from a close frame
     * @return true when the code is allowed on the wire
     */
    public static boolean isValidOnWire(int code) {
        return (code >= 1000 && code <= 1003)
                || (code >= 1007 && code <= 1014)
                || (code >= 3000 && code <= 4999);
    }
}
