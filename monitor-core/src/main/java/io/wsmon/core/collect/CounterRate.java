package io.wsmon.core.collect;

/** Rates from two readings of a cumulative counter, rounded for the wire. */
public final class CounterRate {

    private CounterRate() {}

    /**
     * Counters that went backwards (a device or interface reset, or replaced under the same name) give 0,
     * not a negative rate.
     *
     * @param before the counter at the previous reading
     * @param now the counter now
     * @param seconds the time between the two readings; 0 or less at the first reading
     * @return the increase per second, to one decimal; 0 when there is no earlier reading
     */
    public static double perSecond(long before, long now, double seconds) {
        if (seconds <= 0 || now < before) {
            return 0.0;
        }
        return Rounding.oneDecimal((now - before) / seconds);
    }

    /**
     * The share of the time a device had I/O in flight.
     *
     * @param beforeMillis milliseconds with I/O in flight at the previous reading
     * @param nowMillis milliseconds with I/O in flight now
     * @param seconds the time between the two readings; 0 or less at the first reading
     * @return percent from 0 to 100, to one decimal
     */
    public static double busyPercent(long beforeMillis, long nowMillis, double seconds) {
        return Math.min(100.0, Rounding.oneDecimal(perSecond(beforeMillis, nowMillis, seconds) / 10.0));
    }
}
