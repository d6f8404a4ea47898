package io.wsmon.core.collect.linux;

import java.nio.charset.StandardCharsets;

/**
 * The content of a {@code /proc} file and a cursor over it. The parsers read numbers straight from the
 * bytes: no strings, no regular expressions, because at two ticks a second the code often runs
 * interpreted and every avoided allocation shows in the CPU bill. Not thread-safe.
 */
final class ProcText {

    private final byte[] bytes;
    private final int length;
    private int position;

    ProcText(byte[] bytes, int length) {
        this.bytes = bytes;
        this.length = length;
    }

    static ProcText of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new ProcText(bytes, bytes.length);
    }

    boolean atEnd() {
        return position >= length;
    }

    /** Whether the text at the cursor starts with {@code prefix}. */
    boolean startsWith(String prefix) {
        if (position + prefix.length() > length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[position + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Moves the cursor to the start of the next line. */
    void nextLine() {
        while (position < length && bytes[position] != '\n') {
            position++;
        }
        position++;
    }

    /** Moves the cursor past the next {@code c} on this line; false when the line has none. */
    boolean skipPast(char c) {
        while (position < length && bytes[position] != '\n') {
            if (bytes[position++] == c) {
                return true;
            }
        }
        return false;
    }

    /** Whether another number follows on this line, after blanks. */
    boolean hasNumberOnLine() {
        skipBlanks();
        return position < length && isDigit(bytes[position]);
    }

    /** The whole number after blanks. */
    long nextLong() {
        skipBlanks();
        long value = 0;
        int start = position;
        while (position < length && isDigit(bytes[position])) {
            value = value * 10 + (bytes[position++] - '0');
        }
        if (position == start) {
            throw new IllegalArgumentException("expected a number at offset " + start);
        }
        return value;
    }

    /** The decimal number after blanks, such as {@code 2100.000}, rounded once (0.6 reads as 0.6). */
    double nextDecimal() {
        long whole = nextLong();
        if (position >= length || bytes[position] != '.') {
            return whole;
        }
        position++;
        long fraction = 0;
        long scale = 1;
        while (position < length && isDigit(bytes[position]) && scale < 1_000_000_000_000L) {
            fraction = fraction * 10 + (bytes[position++] - '0');
            scale *= 10;
        }
        while (position < length && isDigit(bytes[position])) {
            position++;
        }
        return whole + (double) fraction / scale;
    }

    /** The text from the cursor, after blanks, up to {@code end} (excluded), leaving the cursor past it. */
    String nextWord(char end) {
        skipBlanks();
        int start = position;
        while (position < length && bytes[position] != end && bytes[position] != '\n') {
            position++;
        }
        int stop = position;
        while (stop > start && bytes[stop - 1] == ' ') {
            stop--;
        }
        if (position < length && bytes[position] == end) {
            position++;
        }
        return new String(bytes, start, stop - start, StandardCharsets.ISO_8859_1);
    }

    /**
     * The text between the first {@code (} and the last {@code )}, as in {@code /proc/PID/stat} where the
     * command name may itself hold parentheses and blanks; the cursor is left past the {@code )}.
     *
     * @return the text, or {@code null} when there are no parentheses
     */
    String nameInParentheses() {
        int open = -1;
        int close = -1;
        for (int i = position; i < length; i++) {
            if (bytes[i] == '(' && open < 0) {
                open = i;
            } else if (bytes[i] == ')') {
                close = i;
            }
        }
        if (open < 0 || close < open) {
            return null;
        }
        position = close + 1;
        return new String(bytes, open + 1, close - open - 1, StandardCharsets.ISO_8859_1);
    }

    /** The byte after blanks, moving the cursor past it; 0 at the end. */
    char nextChar() {
        skipBlanks();
        return position < length ? (char) bytes[position++] : 0;
    }

    /** Moves the cursor past {@code count} blank-separated fields of this line, whatever they hold. */
    void skipFields(int count) {
        for (int i = 0; i < count; i++) {
            skipBlanks();
            while (position < length && bytes[position] != ' ' && bytes[position] != '\n') {
                position++;
            }
        }
    }

    private void skipBlanks() {
        while (position < length && (bytes[position] == ' ' || bytes[position] == '\t')) {
            position++;
        }
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
