package io.wsmon.ws.frame;

import java.nio.ByteBuffer;

/**
 * Checks UTF-8 incrementally, so a text message split across fragments (even inside one character) is
 * validated as it arrives (RFC 6455 §8.1). Rejects overlong forms, surrogates and code points above
 * U+10FFFF, as RFC 3629 requires.
 *
 * <p>One instance per message; not thread-safe.
 */
public final class Utf8Validator {

    private int pending;
    private int lower = 0x80;
    private int upper = 0xBF;

    /**
     * Feeds the next bytes of the message.
     *
     * @param bytes the bytes between position and limit; the position is not moved
     * @return false as soon as the bytes so far cannot be the start of valid UTF-8
     */
    public boolean feed(ByteBuffer bytes) {
        for (int i = bytes.position(), end = bytes.limit(); i < end; i++) {
            if (!feed(bytes.get(i) & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the bytes fed so far end on a character boundary: true at the end of a valid message.
     *
     * @return false when a multi-byte character is incomplete
     */
    public boolean isComplete() {
        return pending == 0;
    }

    private boolean feed(int b) {
        if (pending == 0) {
            return lead(b);
        }
        if (b < lower || b > upper) {
            return false;
        }
        lower = 0x80;
        upper = 0xBF;
        pending--;
        return true;
    }

    /** Reads a lead byte; the ranges of the second byte exclude overlongs, surrogates and > U+10FFFF. */
    private boolean lead(int b) {
        if (b < 0x80) {
            return true;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            if (b == 0xE0) {
                lower = 0xA0;
            } else if (b == 0xED) {
                upper = 0x9F;
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            if (b == 0xF0) {
                lower = 0x90;
            } else if (b == 0xF4) {
                upper = 0x8F;
            }
        } else {
            return false;
        }
        return true;
    }
}
