package io.wsmon.core;

import java.time.Duration;
import java.util.Map;

/** Counts ticks and how long they took. Thread-safe. */
final class TickTimes {

    private long count;
    private long lastNanos;
    private long totalNanos;
    private long maxNanos;

    synchronized void record(long nanos) {
        count++;
        lastNanos = nanos;
        totalNanos += nanos;
        maxNanos = Math.max(maxNanos, nanos);
    }

    synchronized long count() {
        return count;
    }

    synchronized ServiceStatistics statistics(
            long missed, long listenerSkips, Map<String, MonitorStatistics> monitors,
            Map<String, ExporterStatistics> exporters) {
        return new ServiceStatistics(count, missed, Duration.ofNanos(lastNanos),
                Duration.ofNanos(count == 0 ? 0 : totalNanos / count), Duration.ofNanos(maxNanos),
                listenerSkips, monitors, exporters);
    }
}
