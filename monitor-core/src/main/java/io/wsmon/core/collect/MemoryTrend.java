package io.wsmon.core.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * The leak check: how fast a memory figure grows, as the least-squares slope of samples taken at most
 * every {@code sampleEvery} over a sliding {@code window}. A steady climb over a full window is a leak;
 * the saw-tooth of garbage collection averages out. Not thread-safe: one monitor owns it.
 */
public final class MemoryTrend {

    private static final double NANOS_PER_HOUR = 3600e9;

    private final Duration window;
    private final Duration sampleEvery;
    private final Duration minSpan;
    private final double thresholdBytesPerHour;
    private final Deque<Sample> samples = new ArrayDeque<>();

    private record Sample(Instant at, long bytes) {}

    /**
     * @param window how far back samples count
     * @param sampleEvery the least time between two samples
     * @param minSpan how much time the samples must cover before a growth rate is given
     * @param thresholdBytesPerHour growth above which a leak is suspected, in bytes per hour
     */
    public MemoryTrend(Duration window, Duration sampleEvery, Duration minSpan, double thresholdBytesPerHour) {
        if (minSpan.compareTo(window) > 0) {
            throw new IllegalArgumentException("leak check: minimum span " + minSpan + " exceeds the window " + window);
        }
        this.window = window;
        this.sampleEvery = sampleEvery;
        this.minSpan = minSpan;
        this.thresholdBytesPerHour = thresholdBytesPerHour;
    }

    /**
     * Offers a reading; kept when {@code sampleEvery} has passed since the last kept one.
     *
     * @param at when it was read
     * @param bytes the memory figure, in bytes
     */
    public void offer(Instant at, long bytes) {
        Sample last = samples.peekLast();
        if (last != null && Duration.between(last.at, at).compareTo(sampleEvery) < 0) {
            return;
        }
        samples.addLast(new Sample(at, bytes));
        Instant oldest = at.minus(window);
        while (samples.peekFirst().at.isBefore(oldest)) {
            samples.removeFirst();
        }
    }

    /**
     * @return the growth in bytes per hour; empty until the samples cover the minimum span
     */
    public OptionalDouble growthPerHour() {
        if (samples.size() < 3 || Duration.between(samples.peekFirst().at, samples.peekLast().at).compareTo(minSpan) < 0) {
            return OptionalDouble.empty();
        }
        Instant origin = samples.peekFirst().at;
        double n = samples.size();
        double sumX = 0;
        double sumY = 0;
        double sumXY = 0;
        double sumXX = 0;
        for (Sample s : samples) {
            double x = Duration.between(origin, s.at).toNanos() / NANOS_PER_HOUR;
            double y = s.bytes;
            sumX += x;
            sumY += y;
            sumXY += x * y;
            sumXX += x * x;
        }
        double denominator = n * sumXX - sumX * sumX;
        if (denominator == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((n * sumXY - sumX * sumY) / denominator);
    }

    /**
     * @return whether the growth exceeds the threshold
     */
    public boolean leakSuspected() {
        OptionalDouble growth = growthPerHour();
        return growth.isPresent() && growth.getAsDouble() > thresholdBytesPerHour;
    }
}
