package io.wsmon.ws.protocol;

/**
 * Limits the commands (and pings) of one client to {@code perSecond} in any one-second window. A client
 * that is refused again and again without a full second of calm for the grace period is to be closed;
 * while it is refused, it is told so at most once a second.
 *
 * <p>Confined to the event loop thread. Its window is allocated on the first command, so a client that
 * only listens costs nothing here.
 */
final class CommandRateLimiter {

    /** What to do with a command. */
    enum Verdict {
        /** Execute it. */
        ALLOW,
        /** Refuse it with {@code RATE_LIMITED}. */
        LIMIT,
        /** The client kept on past the grace period: close it. */
        CLOSE
    }

    private static final long SECOND = 1_000_000_000L;

    private final int perSecond;
    private final long graceNanos;
    private long[] window;
    private int next;
    private int count;
    private long limitedSince = -1;
    private long lastLimitedAt;
    private long lastReportedAt;
    private boolean reported;

    /**
     * @param perSecond commands allowed in any one-second window
     * @param graceNanos how long a client may keep exceeding the limit before it is closed
     */
    CommandRateLimiter(int perSecond, long graceNanos) {
        this.perSecond = perSecond;
        this.graceNanos = graceNanos;
    }

    /**
     * Decides on a command arriving now.
     *
     * @param nowNanos the current monotonic time
     * @return the verdict
     */
    Verdict check(long nowNanos) {
        if (window == null) {
            window = new long[perSecond];
        }
        if (count < perSecond || nowNanos - window[next] >= SECOND) {
            window[next] = nowNanos;
            next = (next + 1) % perSecond;
            count = Math.min(count + 1, perSecond);
            return Verdict.ALLOW;
        }
        if (limitedSince < 0 || nowNanos - lastLimitedAt >= SECOND) {
            limitedSince = nowNanos;
        }
        lastLimitedAt = nowNanos;
        return nowNanos - limitedSince >= graceNanos ? Verdict.CLOSE : Verdict.LIMIT;
    }

    /**
     * Whether a refused command is to be answered with {@code RATE_LIMITED}: at most once a second, so that
     * a client flooding commands does not make the server flood replies.
     *
     * @param nowNanos the current monotonic time
     * @return true for the first refusal, then for one a second
     */
    boolean shouldReport(long nowNanos) {
        if (reported && nowNanos - lastReportedAt < SECOND) {
            return false;
        }
        reported = true;
        lastReportedAt = nowNanos;
        return true;
    }
}
