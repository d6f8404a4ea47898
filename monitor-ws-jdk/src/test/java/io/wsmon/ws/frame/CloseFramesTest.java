package io.wsmon.ws.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class CloseFramesTest {

    @Test
    void code_emptyPayload_isNoStatus() throws ProtocolException {
        assertThat(CloseFrames.code(ByteBuffer.allocate(0))).isEqualTo(CloseCode.NO_STATUS);
    }

    @Test
    void code_validCodes_areReturned() throws ProtocolException {
        for (int code : new int[] {1000, 1001, 1003, 1007, 1011, 1014, 3000, 4999}) {
            assertThat(CloseFrames.code(ByteBuffer.allocate(2).putShort((short) code).flip())).isEqualTo(code);
        }
    }

    @Test
    void code_codesThatMayNotBeSent_areProtocolErrorNamingTheCode() {
        for (int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535}) {
            assertThatThrownBy(() -> CloseFrames.code(ByteBuffer.allocate(2).putShort((short) code).flip()))
                    .isInstanceOfSatisfying(ProtocolException.class,
                            e -> assertThat(e.closeCode()).isEqualTo(CloseCode.PROTOCOL_ERROR))
                    .hasMessage("Invalid close code " + code);
        }
    }

    @Test
    void code_oneBytePayload_isProtocolError() {
        assertThatThrownBy(() -> CloseFrames.code(ByteBuffer.allocate(1)))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.closeCode()).isEqualTo(CloseCode.PROTOCOL_ERROR))
                .hasMessageContaining("one byte");
    }

    @Test
    void code_invalidUtf8Reason_isInvalidPayload() {
        ByteBuffer payload = ByteBuffer.allocate(4).putShort((short) 1000).put((byte) 0xC0).put((byte) 0x80).flip();

        assertThatThrownBy(() -> CloseFrames.code(payload))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.closeCode()).isEqualTo(CloseCode.INVALID_PAYLOAD))
                .hasMessageContaining("not valid UTF-8");
    }
}
