package io.wsmon.bench.ws;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(long[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    /**
     * @param percent 0 to 100
     * @return the value at that rank, or 0 for an empty sample
     */
    long at(double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    /** @return the largest value, or 0 */
    long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    /** @return the sample size */
    int size() {
        return sorted.length;
    }
}
