package io.wsmon.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The log lines written while it is open, for tests that check what a failure logs through the real
 * loggers (slf4j-simple writes to whatever {@link System#err} is at the time of each line). Everything
 * still reaches the original stream too.
 */
public final class LogCapture implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private LogCapture() {
        System.setErr(new PrintStream(new TeeStream(), true, StandardCharsets.UTF_8));
    }

    /** @return a capture that records from now until closed */
    public static LogCapture start() {
        return new LogCapture();
    }

    /**
     * @param level {@code WARN}, {@code INFO}...
     * @param containing text the line must contain
     * @return the lines at that level containing the text, in order
     */
    public List<String> lines(String level, String containing) {
        String text;
        synchronized (captured) {
            text = captured.toString(StandardCharsets.UTF_8);
        }
        return Arrays.stream(text.split("\n"))
                .filter(line -> line.contains(" " + level + " ") && line.contains(containing))
                .toList();
    }

    @Override
    public void close() {
        System.setErr(original);
    }

    /** Copies every byte to the original stream and to the capture. */
    private final class TeeStream extends java.io.OutputStream {
        @Override
        public void write(int b) {
            original.write(b);
            synchronized (captured) {
                captured.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            original.write(bytes, offset, length);
            synchronized (captured) {
                captured.write(bytes, offset, length);
            }
        }
    }
}
