package io.wsmon.ws.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8ValidatorTest {

    @Test
    void feed_everyCodePointClass_isValid() {
        assertValid("plain ascii");
        assertValid("κόσμε");
        assertValid("€ and 中文");
        assertValid("emoji 🚨 U+10FFFF \uDBFF\uDFFF");
    }

    @Test
    void feed_characterSplitAcrossFragments_isValidWhenComplete() {
        byte[] bytes = "a🚨b".getBytes(StandardCharsets.UTF_8);
        Utf8Validator validator = new Utf8Validator();
        for (byte b : bytes) {
            assertThat(validator.feed(ByteBuffer.wrap(new byte[] {b}))).isTrue();
        }
        assertThat(validator.isComplete()).isTrue();
    }

    @Test
    void isComplete_messageEndingInsideACharacter_isFalse() {
        Utf8Validator validator = new Utf8Validator();
        assertThat(validator.feed(ByteBuffer.wrap(new byte[] {(byte) 0xE2, (byte) 0x82}))).isTrue();
        assertThat(validator.isComplete()).isFalse();
    }

    @Test
    void feed_invalidSequences_areRejected() {
        assertInvalid(0xC0, 0x80);                  // overlong NUL
        assertInvalid(0xC1, 0xBF);                  // overlong
        assertInvalid(0xE0, 0x80, 0x80);            // overlong 3-byte
        assertInvalid(0xED, 0xA0, 0x80);            // surrogate U+D800
        assertInvalid(0xF0, 0x80, 0x80, 0x80);      // overlong 4-byte
        assertInvalid(0xF4, 0x90, 0x80, 0x80);      // above U+10FFFF
        assertInvalid(0xF5, 0x80, 0x80, 0x80);      // invalid lead
        assertInvalid(0xFF);                        // never valid
        assertInvalid(0x80);                        // lone continuation
        assertInvalid(0xE2, 0x41);                  // continuation missing
    }

    private static void assertValid(String text) {
        Utf8Validator validator = new Utf8Validator();
        assertThat(validator.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)))).as(text).isTrue();
        assertThat(validator.isComplete()).isTrue();
    }

    private static void assertInvalid(int... bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        assertThat(new Utf8Validator().feed(ByteBuffer.wrap(raw))).as("bytes %s", java.util.Arrays.toString(bytes)).isFalse();
    }
}
