package io.wsmon.ws.frame;

/**
 * The peer broke RFC 6455 or a size limit: the connection is to be closed with {@link #closeCode()}.
 * Thrown by the frame decoder and the message assembler; carries no stack trace, since it is an
 * expected outcome of bad input, not a bug.
 */
public final class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int closeCode;

    /**
     * @param closeCode the close code to send, for example {@link CloseCode#PROTOCOL_ERROR}
     * @param reason what was wrong, short enough for a close frame's reason
     */
    public ProtocolException(int closeCode, String reason) {
        super(reason, null, false, false);
        this.closeCode = closeCode;
    }

    /**
     * The close code that tells the peer what it did wrong.
     *
     * @return a code from {@link CloseCode}
     */
    public int closeCode() {
        return closeCode;
    }
}
