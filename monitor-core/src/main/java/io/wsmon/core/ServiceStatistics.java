package io.wsmon.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counters of a running service.
 *
 * @param ticks ticks completed
 * @param missedTicks schedule slots skipped because a tick overran its interval
 * @param lastTickDuration how long the latest tick took, collection to publication
 * @param meanTickDuration the mean over all ticks
 * @param maxTickDuration the longest tick
 * @param listenerSkips snapshots a listener did not see because it was still busy with an earlier one
 * @param monitors each monitor's counters, by name
 * @param exporters each exporter's counters, by name
 */
public record ServiceStatistics(
        long ticks,
        long missedTicks,
        Duration lastTickDuration,
        Duration meanTickDuration,
        Duration maxTickDuration,
        long listenerSkips,
        Map<String, MonitorStatistics> monitors,
        Map<String, ExporterStatistics> exporters) {

    /** Copies the maps so the record stays immutable; their order (section order) is kept. */
    public ServiceStatistics {
        monitors = Collections.unmodifiableMap(new LinkedHashMap<>(monitors));
        exporters = Collections.unmodifiableMap(new LinkedHashMap<>(exporters));
    }
}
