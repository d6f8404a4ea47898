package io.wsmon.core.collect;

/** Rounding of values for the wire: one decimal is what the seed sends and what a person reads. */
final class Rounding {

    private Rounding() {}

    static double oneDecimal(double value) {
        return Math.round(value * 10.0) / 10.0;
    }

    static double percent(long part, long whole) {
        return whole <= 0 ? 0.0 : oneDecimal(part * 100.0 / whole);
    }
}
