package io.wsmon.core.format;

import java.time.Duration;

/** Durations as people write them in messages: {@code 500ms}, {@code 1.5s}, {@code 2m}, {@code 1h}. */
public final class Durations {

    private Durations() {}

    /**
     * @param d a duration
     * @return it in the largest unit that shows it exactly, for example {@code 500ms} or {@code 2m}
     */
    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        long millis = d.toMillis();
        if (millis < 1000) {
            return d.toNanos() % 1_000_000 == 0 ? millis + "ms" : d.toNanos() + "ns";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis / 1000.0 + "s";
    }
}
