package io.wsmon.core.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The unit of an alert metric: how its values are checked and printed in alert messages. */
public enum MetricUnit {
    /** Percent, 0–100, printed as {@code 85.5%}. */
    PERCENT("%"),
    /** Gigabytes (2<sup>30</sup> bytes), not negative, printed as {@code 1.2 GB}. */
    GIGABYTES(" GB"),
    /** Degrees Celsius, printed as {@code 85.0°C}. */
    CELSIUS("°C");

    private final String suffix;

    MetricUnit(String suffix) {
        this.suffix = suffix;
    }

    /**
     * Prints a value with one decimal, as the seed's messages do.
     *
     * @param value the value in this unit
     * @return for example {@code "85.5%"}
     */
    public String format(double value) {
        // BigDecimal rounds as %.1f does, without parsing a format string: the first ticks run interpreted.
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString() + suffix;
    }

    /**
     * Why a threshold is not acceptable in this unit.
     *
     * @param value the proposed threshold
     * @return the problem, or {@code null} when the value is fine
     */
    String problemWith(double value) {
        if (!Double.isFinite(value)) {
            return "must be a finite number, got " + value;
        }
        if (this == PERCENT && (value < 0 || value > 100)) {
            return value + " is outside 0–100 (it is a percentage)";
        }
        if (this == GIGABYTES && value < 0) {
            return value + " must not be negative (it is a size in GB)";
        }
        return null;
    }
}
