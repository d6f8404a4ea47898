package io.wsmon.ws.server;

import io.wsmon.core.time.Ticker;
import java.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refused requests without letting a flood of them flood the log: the first refusal of a window is
 * logged with its reason and address, the others are counted and summed up in one line when the next
 * window opens. The reason, which may quote what the client sent (an origin, a host), is logged escaped
 * and cut short: control characters and anything outside printable ASCII become backslash escapes
 * ({@code x} and two hex digits, or {@code u} and four), so no client can forge a log line or colour a
 * terminal.
 *
 * <p>Confined to the event loop thread.
 */
final class RefusalLog {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);
    private static final int MAX_REASON_CHARS = 200;

    private final Ticker ticker;
    private final long windowNanos;
    private long windowStart;
    private boolean windowOpen;
    private long suppressed;
    private volatile long total;

    RefusalLog(Ticker ticker, long windowNanos) {
        this.ticker = ticker;
        this.windowNanos = windowNanos;
    }

    /**
     * Counts a refusal and logs it if it is the first of its window.
     *
     * @return whether it was logged
     */
    boolean refused(SocketAddress from, int status, String reason) {
        total++;
        summarize();
        long now = ticker.nanoTime();
        if (windowOpen) {
            suppressed++;
            return false;
        }
        windowOpen = true;
        windowStart = now;
        suppressed = 0;
        LOG.warn("Refused request from {}: {} {} (further refusals summed up every {} s)",
                from, status, escape(reason), windowNanos / 1_000_000_000L);
        return true;
    }

    /** Sums up the refusals counted in a window that has ended; called periodically by the loop. */
    void summarize() {
        if (windowOpen && ticker.nanoTime() - windowStart >= windowNanos) {
            if (suppressed > 0) {
                LOG.warn("{} more requests refused in the last {} s", suppressed, windowNanos / 1_000_000_000L);
            }
            windowOpen = false;
            suppressed = 0;
        }
    }

    /** @return the text with every character outside printable ASCII escaped, cut to a bounded length */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(Math.min(text.length(), MAX_REASON_CHARS) + 16);
        for (int i = 0; i < text.length() && escaped.length() < MAX_REASON_CHARS; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                escaped.append("\\\\");
            } else if (c >= 0x20 && c < 0x7F) {
                escaped.append(c);
            } else if (c < 0x100) {
                escaped.append(String.format("\\x%02x", (int) c));
            } else {
                escaped.append(String.format("\\u%04x", (int) c));
            }
        }
        if (escaped.length() >= MAX_REASON_CHARS) {
            escaped.append("...");
        }
        return escaped.toString();
    }

    /** @return whether refusals are being counted in a window, which {@link #summarize()} must close */
    boolean windowOpen() {
        return windowOpen;
    }

    /** @return refusals since the server started; readable from any thread */
    long total() {
        return total;
    }
}
