package io.wsmon.core.collect;

/**
 * When the process table is due to be scanned again: every {@code processes.interval} seconds, the
 * ticks between repeating the last scan.
 */
public final class ScanCadence {

    /** Scans come at tick boundaries: a scan due within this margin is not put off by a whole tick. */
    private static final double SLACK_SECONDS = 0.05;

    private final double intervalSeconds;
    private double lastScanAt = Double.NaN;

    /**
     * @param intervalSeconds the time between two scans, in seconds
     */
    public ScanCadence(double intervalSeconds) {
        this.intervalSeconds = intervalSeconds;
    }

    /**
     * @param nowSeconds the time now, on the clock given to {@link #scanned}
     * @return whether a scan is due: always before the first
     */
    public boolean isDue(double nowSeconds) {
        return Double.isNaN(lastScanAt) || nowSeconds - lastScanAt >= intervalSeconds - SLACK_SECONDS;
    }

    /**
     * @param nowSeconds the time now
     * @return seconds since the last scan; 0 before the first
     */
    public double sinceLastScan(double nowSeconds) {
        return Double.isNaN(lastScanAt) ? 0 : nowSeconds - lastScanAt;
    }

    /**
     * Records a scan that succeeded.
     *
     * @param nowSeconds when it was made
     */
    public void scanned(double nowSeconds) {
        lastScanAt = nowSeconds;
    }
}
