package io.wsmon.core.alert;

/** Which way a value must move to raise an alert: up through its thresholds, or down through them. */
public enum Direction {
    /** Alerts when the value is at or above a threshold, for example memory usage. */
    ABOVE,
    /** Alerts when the value is at or below a threshold, for example free disk space. */
    BELOW;

    /**
     * Whether a value has reached a threshold in this direction.
     *
     * @param value the measured value
     * @param threshold the threshold
     * @return true when {@code value} is at the threshold or past it
     */
    public boolean reached(double value, double threshold) {
        return this == ABOVE ? value >= threshold : value <= threshold;
    }

    /**
     * Whether one threshold is strictly more severe than another in this direction.
     *
     * @param a a threshold
     * @param b another threshold
     * @return true when {@code a} would be reached only after {@code b}
     */
    boolean beyond(double a, double b) {
        return this == ABOVE ? a > b : a < b;
    }

    /** @return "above" or "below", as in {@code AlertRule.above(...)} */
    String word() {
        return this == ABOVE ? "above" : "below";
    }
}
