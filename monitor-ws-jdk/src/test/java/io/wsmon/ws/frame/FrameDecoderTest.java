package io.wsmon.ws.frame;

import static io.wsmon.ws.testkit.ClientFrames.frame;
import static io.wsmon.ws.testkit.ClientFrames.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.ws.testkit.ClientFrames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private final FrameDecoder decoder = new FrameDecoder(1 << 20);

    @Test
    void decode_maskedTextFrame_isUnmasked() throws ProtocolException {
        ByteBuffer in = ByteBuffer.wrap(ClientFrames.text("hello"));

        Frame frame = decoder.decode(in);

        assertThat(frame.fin()).isTrue();
        assertThat(frame.opcode()).isEqualTo(Opcode.TEXT);
        assertThat(StandardCharsets.UTF_8.decode(frame.payload()).toString()).isEqualTo("hello");
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void decode_lengthsOf7And16And64Bits_areRead() throws ProtocolException {
        for (int length : new int[] {0, 125, 126, 65535, 65536, 200_000}) {
            byte[] payload = new byte[length];
            Arrays.fill(payload, (byte) 'x');
            ByteBuffer in = ByteBuffer.wrap(frame(true, 0x2, payload));

            Frame frame = decoder.decode(in);

            assertThat(frame.payload().remaining()).as("length %d", length).isEqualTo(length);
            assertThat(in.hasRemaining()).isFalse();
        }
    }

    @Test
    void decode_everyPrefixOfAFrame_needsMoreBytesAndConsumesNothing() throws ProtocolException {
        byte[] whole = frame(true, 0x1, new byte[300]);
        for (int cut = 0; cut < whole.length; cut++) {
            ByteBuffer in = ByteBuffer.wrap(whole, 0, cut);

            assertThat(decoder.decode(in)).as("prefix of %d bytes", cut).isNull();
            assertThat(in.position()).isZero();
        }
    }

    @Test
    void decode_twoFramesInOneBuffer_areReadInTurn() throws ProtocolException {
        ByteBuffer in = ByteBuffer.wrap(ClientFrames.concat(ClientFrames.text("a"), ClientFrames.text("bc")));

        assertThat(decoder.decode(in).payload().remaining()).isEqualTo(1);
        assertThat(decoder.decode(in).payload().remaining()).isEqualTo(2);
        assertThat(decoder.decode(in)).isNull();
    }

    @Test
    void decode_unmaskedFrame_isProtocolError() {
        assertRefused(raw(0x81, false, "hi".getBytes(StandardCharsets.UTF_8)), CloseCode.PROTOCOL_ERROR, "not masked");
    }

    @Test
    void decode_reservedBitSet_isProtocolError() {
        for (int rsv : new int[] {0x40, 0x20, 0x10}) {
            assertRefused(raw(0x80 | rsv | 0x1, true, new byte[1]), CloseCode.PROTOCOL_ERROR, "Reserved bits");
        }
    }

    @Test
    void decode_reservedOpcode_isProtocolErrorNamingIt() {
        for (int opcode : new int[] {0x3, 0x7, 0xB, 0xF}) {
            assertRefused(raw(0x80 | opcode, true, new byte[0]), CloseCode.PROTOCOL_ERROR,
                    "Reserved opcode 0x" + Integer.toHexString(opcode));
        }
    }

    @Test
    void decode_fragmentedControlFrame_isProtocolError() {
        assertRefused(frame(false, 0x9, new byte[0]), CloseCode.PROTOCOL_ERROR, "Fragmented control frame");
    }

    @Test
    void decode_controlFrameOver125Bytes_isProtocolError() {
        assertRefused(frame(true, 0x9, new byte[126]), CloseCode.PROTOCOL_ERROR, "over 125 bytes");
    }

    @Test
    void decode_nonMinimalLength_isProtocolError() {
        ByteBuffer in = ByteBuffer.allocate(8).put((byte) 0x81).put((byte) (0x80 | 126)).putShort((short) 5);
        assertRefused(Arrays.copyOf(in.array(), 4), CloseCode.PROTOCOL_ERROR, "shortest form");
    }

    @Test
    void decode_64BitLengthWithTopBitSet_isProtocolError() {
        ByteBuffer in = ByteBuffer.allocate(10).put((byte) 0x82).put((byte) (0x80 | 127)).putLong(-1L);
        assertRefused(in.array(), CloseCode.PROTOCOL_ERROR, "most significant bit");
    }

    @Test
    void decode_payloadOverLimit_isTooBigBeforeThePayloadArrives() {
        FrameDecoder small = new FrameDecoder(1000);
        byte[] header = Arrays.copyOf(frame(true, 0x1, new byte[1001]), 4);

        assertThatThrownBy(() -> small.decode(ByteBuffer.wrap(header)))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.closeCode()).isEqualTo(CloseCode.MESSAGE_TOO_BIG))
                .hasMessageContaining("1001 bytes exceeds the limit of 1000");
    }

    @Test
    void constructor_limitBelowControlFrameSize_isRejectedNamingTheValue() {
        assertThatThrownBy(() -> new FrameDecoder(100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxFramePayload")
                .hasMessageContaining("100");
    }

    private void assertRefused(byte[] bytes, int code, String message) {
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(bytes)))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.closeCode()).isEqualTo(code))
                .hasMessageContaining(message);
    }
}
