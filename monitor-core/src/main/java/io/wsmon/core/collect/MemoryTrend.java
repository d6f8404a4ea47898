package io.wsmon.core.collect;

import io.wsmon.core.format.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The leak check: how fast a memory figure grows, as the least-squares slope of samples taken at most
 * every {@code sampleEvery} over a sliding {@code window}. A steady climb over a full window is a leak;
 * the saw-tooth of garbage collection averages out. Thread-safe: the monitor offers, anyone may read.
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
    public synchronized void offer(Instant at, long bytes) {
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
    public synchronized OptionalDouble growthPerHour() {
        if (samples.size() < 3 || Duration.between(samples.peekFirst().at, samples.peekLast().at).compareTo(minSpan) < 0) {
            return OptionalDouble.empty();
        }
        Fit fit = fit(samples);
        return fit == null ? OptionalDouble.empty() : OptionalDouble.of(fit.slope);
    }

    /**
     * The growth and average of the samples taken within {@code window} before {@code now}.
     *
     * @param window how far back, at most the window this trend keeps
     * @param now the end of the window
     * @return the trend; empty until two samples apart in time fall in the window
     * @throws IllegalArgumentException when {@code window} is not above 0 or is longer than the kept window
     */
    public synchronized Optional<HeapTrend> over(Duration window, Instant now) {
        if (window.isNegative() || window.isZero() || window.compareTo(this.window) > 0) {
            throw new IllegalArgumentException("window: must be above 0 and at most the leak window "
                    + Durations.format(this.window) + " (" + JvmSettings.LEAK_WINDOW + "), got " + Durations.format(window));
        }
        Instant from = now.minus(window);
        List<Sample> inWindow = samples.stream().filter(s -> !s.at.isBefore(from) && !s.at.isAfter(now)).toList();
        Fit fit = fit(inWindow);
        if (fit == null) {
            return Optional.empty();
        }
        Duration covered = Duration.between(inWindow.get(0).at, inWindow.get(inWindow.size() - 1).at);
        return Optional.of(new HeapTrend(window, inWindow.size(), covered, fit.slope, fit.mean));
    }

    private record Fit(double slope, double mean) {}

    /** The least-squares line through samples, time in hours; {@code null} with fewer than two instants. */
    private static Fit fit(Collection<Sample> points) {
        if (points.size() < 2) {
            return null;
        }
        Instant origin = points.iterator().next().at;
        double n = points.size();
        double sumX = 0;
        double sumY = 0;
        double sumXY = 0;
        double sumXX = 0;
        for (Sample s : points) {
            double x = Duration.between(origin, s.at).toNanos() / NANOS_PER_HOUR;
            double y = s.bytes;
            sumX += x;
            sumY += y;
            sumXY += x * y;
            sumXX += x * x;
        }
        double denominator = n * sumXX - sumX * sumX;
        if (denominator == 0) {
            return null;
        }
        return new Fit((n * sumXY - sumX * sumY) / denominator, sumY / n);
    }

    /**
     * @return whether the growth exceeds the threshold
     */
    public synchronized boolean leakSuspected() {
        OptionalDouble growth = growthPerHour();
        return growth.isPresent() && growth.getAsDouble() > thresholdBytesPerHour;
    }
}
