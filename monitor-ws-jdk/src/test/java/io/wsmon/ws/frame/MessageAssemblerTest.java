package io.wsmon.ws.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MessageAssemblerTest {

    private final MessageAssembler assembler = new MessageAssembler(16);

    @Test
    void accept_singleFinalTextFrame_isTheMessage() throws ProtocolException {
        assertThat(assembler.accept(text(true, "hello"))).isEqualTo("hello");
    }

    @Test
    void accept_fragmentsSplittingACharacter_joinIntoTheMessage() throws ProtocolException {
        byte[] bytes = "a€b".getBytes(StandardCharsets.UTF_8);

        assertThat(assembler.accept(frame(false, Opcode.TEXT, Arrays.copyOfRange(bytes, 0, 2)))).isNull();
        assertThat(assembler.accept(frame(false, Opcode.CONTINUATION, Arrays.copyOfRange(bytes, 2, 3)))).isNull();
        assertThat(assembler.accept(frame(true, Opcode.CONTINUATION, Arrays.copyOfRange(bytes, 3, 5)))).isEqualTo("a€b");
        assertThat(assembler.accept(text(true, "next"))).isEqualTo("next");
    }

    @Test
    void accept_continuationWithoutStart_isProtocolError() {
        assertRefused(frame(true, Opcode.CONTINUATION, new byte[1]), CloseCode.PROTOCOL_ERROR, "without a message");
    }

    @Test
    void accept_newTextDuringFragmentedMessage_isProtocolError() throws ProtocolException {
        assembler.accept(text(false, "a"));

        assertRefused(text(true, "b"), CloseCode.PROTOCOL_ERROR, "before the previous one was finished");
    }

    @Test
    void accept_binaryMessage_isUnsupportedData() {
        assertRefused(frame(true, Opcode.BINARY, new byte[1]), CloseCode.UNSUPPORTED_DATA, "Binary");
    }

    @Test
    void accept_invalidUtf8InSecondFragment_isInvalidPayloadAtOnce() throws ProtocolException {
        assembler.accept(text(false, "ok"));

        assertRefused(frame(false, Opcode.CONTINUATION, new byte[] {(byte) 0xC0, (byte) 0x80}),
                CloseCode.INVALID_PAYLOAD, "not valid UTF-8");
    }

    @Test
    void accept_finalFragmentEndingInsideACharacter_isInvalidPayload() {
        assertRefused(frame(true, Opcode.TEXT, new byte[] {'a', (byte) 0xE2, (byte) 0x82}),
                CloseCode.INVALID_PAYLOAD, "inside a UTF-8 character");
    }

    @Test
    void accept_fragmentsTogetherOverTheLimit_isTooBig() throws ProtocolException {
        assembler.accept(text(false, "0123456789"));

        assertRefused(frame(true, Opcode.CONTINUATION, "0123456".getBytes(StandardCharsets.UTF_8)),
                CloseCode.MESSAGE_TOO_BIG, "limit of 16 bytes");
    }

    @Test
    void constructor_nonPositiveLimit_isRejectedNamingTheValue() {
        assertThatThrownBy(() -> new MessageAssembler(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxMessageBytes must be positive, got 0");
    }

    private void assertRefused(Frame frame, int code, String message) {
        assertThatThrownBy(() -> assembler.accept(frame))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.closeCode()).isEqualTo(code))
                .hasMessageContaining(message);
    }

    private static Frame text(boolean fin, String text) {
        return frame(fin, Opcode.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Frame frame(boolean fin, Opcode opcode, byte[] payload) {
        return new Frame(fin, opcode, ByteBuffer.wrap(payload));
    }
}
