package io.wsmon.ws.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameEncoderTest {

    @Test
    void encode_shortText_hasTwoByteHeaderUnmasked() {
        ByteBuffer frame = FrameEncoder.text("hi".getBytes(StandardCharsets.UTF_8));

        assertThat(frame.remaining()).isEqualTo(4);
        assertThat(frame.get(0) & 0xFF).isEqualTo(0x81);
        assertThat(frame.get(1) & 0xFF).isEqualTo(2);
        assertThat(frame.isReadOnly()).isTrue();
    }

    @Test
    void encode_lengthsAtEachBoundary_useTheShortestForm() {
        assertThat(headerLength(125)).isEqualTo(2);
        assertThat(headerLength(126)).isEqualTo(4);
        assertThat(headerLength(65535)).isEqualTo(4);
        assertThat(headerLength(65536)).isEqualTo(10);
    }

    @Test
    void encode_thenDecodeAsClient_roundTrips() {
        byte[] payload = new byte[70_000];
        payload[69_999] = 42;
        ByteBuffer frame = FrameEncoder.encode(Opcode.BINARY, ByteBuffer.wrap(payload));

        assertThat(frame.get(1) & 0xFF).isEqualTo(127);
        assertThat(frame.getLong(2)).isEqualTo(70_000);
        assertThat(frame.get(10 + 69_999)).isEqualTo((byte) 42);
    }

    @Test
    void close_longReason_isCutOnACharacterBoundaryTo125Bytes() {
        String reason = "é".repeat(100);

        ByteBuffer frame = FrameEncoder.close(CloseCode.GOING_AWAY, reason);

        int payload = frame.get(1) & 0x7F;
        assertThat(payload).isEqualTo(124);
        assertThat(frame.getShort(2)).isEqualTo((short) 1001);
        byte[] text = new byte[payload - 2];
        frame.get(4, text);
        assertThat(new String(text, StandardCharsets.UTF_8)).isEqualTo("é".repeat(61));
    }

    @Test
    void encode_controlPayloadOver125_isRejectedNamingTheSize() {
        assertThatThrownBy(() -> FrameEncoder.encode(Opcode.PING, ByteBuffer.allocate(126)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PING")
                .hasMessageContaining("126");
    }

    private static int headerLength(int payload) {
        return FrameEncoder.encode(Opcode.TEXT, ByteBuffer.allocate(payload)).remaining() - payload;
    }
}
