package io.wsmon.ws.frame;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Joins the data frames of one connection into text messages (RFC 6455 §5.4): a message starts with a
 * text frame and goes on with continuation frames until one is final; control frames may come between
 * fragments and are not given here. UTF-8 is validated fragment by fragment, so an invalid message fails
 * at its first bad byte, and the message size is bounded across fragments.
 *
 * <p>The monitoring protocol is JSON text, so a binary message is refused with
 * {@link CloseCode#UNSUPPORTED_DATA}. One instance per connection; not thread-safe.
 */
public final class MessageAssembler {

    private final int maxMessageBytes;
    private ByteArrayOutputStream fragments;
    private Utf8Validator utf8;

    /**
     * @param maxMessageBytes the largest message accepted, over all its fragments, in bytes
     */
    public MessageAssembler(int maxMessageBytes) {
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("maxMessageBytes must be positive, got " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Takes the next data frame.
     *
     * @param frame a text, binary or continuation frame
     * @return the whole message when this frame completes it, else {@code null}
     * @throws ProtocolException when the frame is out of sequence (1002), binary (1003), not UTF-8 (1007)
     *     or makes the message too big (1009)
     * @throws IllegalArgumentException when given a control frame
     */
    public String accept(Frame frame) throws ProtocolException {
        switch (frame.opcode()) {
            case TEXT -> start();
            case CONTINUATION -> {
                if (utf8 == null) {
                    throw new ProtocolException(CloseCode.PROTOCOL_ERROR, "Continuation frame without a message to continue");
                }
            }
            case BINARY -> throw new ProtocolException(CloseCode.UNSUPPORTED_DATA, "Binary messages are not supported");
            default -> throw new IllegalArgumentException("not a data frame: " + frame.opcode());
        }
        ByteBuffer payload = frame.payload();
        if (fragments.size() + payload.remaining() > maxMessageBytes) {
            throw new ProtocolException(CloseCode.MESSAGE_TOO_BIG,
                    "Message exceeds the limit of " + maxMessageBytes + " bytes");
        }
        if (!utf8.feed(payload)) {
            throw new ProtocolException(CloseCode.INVALID_PAYLOAD, "Text message is not valid UTF-8");
        }
        fragments.write(payload.array(), payload.arrayOffset() + payload.position(), payload.remaining());
        if (!frame.fin()) {
            return null;
        }
        if (!utf8.isComplete()) {
            throw new ProtocolException(CloseCode.INVALID_PAYLOAD, "Text message ends inside a UTF-8 character");
        }
        String message = fragments.toString(StandardCharsets.UTF_8);
        fragments = null;
        utf8 = null;
        return message;
    }

    private void start() throws ProtocolException {
        if (utf8 != null) {
            throw new ProtocolException(CloseCode.PROTOCOL_ERROR, "New message before the previous one was finished");
        }
        utf8 = new Utf8Validator();
        fragments = new ByteArrayOutputStream();
    }
}
