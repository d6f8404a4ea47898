package io.wsmon.core.collect;

/**
 * Cumulative processor time of one logical processor, or of all, in the platform's tick unit.
 *
 * @param idle ticks spent idle or waiting for I/O
 * @param total all ticks
 */
public record CpuTime(long idle, long total) {

    /**
     * Busy share between an earlier reading and this one.
     *
     * @param earlier the earlier reading, or {@code null} to measure since boot
     * @return percent (0–100) with one decimal; 0 when no time passed
     */
    public double usagePercentSince(CpuTime earlier) {
        long idleDelta = idle - (earlier == null ? 0 : earlier.idle);
        long totalDelta = total - (earlier == null ? 0 : earlier.total);
        if (totalDelta <= 0) {
            return 0.0;
        }
        double busy = 1.0 - (double) idleDelta / totalDelta;
        return Rounding.oneDecimal(Math.max(0.0, Math.min(1.0, busy)) * 100.0);
    }
}
