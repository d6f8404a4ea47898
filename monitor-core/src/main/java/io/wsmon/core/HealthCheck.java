package io.wsmon.core;

import io.wsmon.api.JvmInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SourceHealth;
import io.wsmon.core.format.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a service's state into a {@link HealthReport}: the rules of the verdict live here. */
final class HealthCheck {

    private static final int STALE_INTERVALS = SourceHealth.STALE_INTERVALS;

    private HealthCheck() {}

    static HealthReport evaluate(
            ServiceStatus status,
            Instant startTime,
            Instant now,
            Duration interval,
            Snapshot latest,
            ServiceStatistics statistics) {
        List<String> fatal = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        Duration snapshotAge = latest == null ? null : Duration.between(latest.timestamp().toInstant(), now);
        if (status != ServiceStatus.RUNNING) {
            fatal.add("the service is " + status.name().toLowerCase(java.util.Locale.ROOT));
        } else if (snapshotAge != null && snapshotAge.compareTo(interval.multipliedBy(STALE_INTERVALS)) > 0) {
            fatal.add("no snapshot for " + Durations.format(snapshotAge) + " (interval " + Durations.format(interval) + ")");
        } else if (snapshotAge == null && startTime != null
                && Duration.between(startTime, now).compareTo(interval.multipliedBy(STALE_INTERVALS)) > 0) {
            fatal.add("no snapshot since the start " + Durations.format(Duration.between(startTime, now))
                    + " ago (interval " + Durations.format(interval) + ")");
        }
        for (Map.Entry<String, MonitorStatistics> monitor : statistics.monitors().entrySet()) {
            if (monitor.getValue().failing()) {
                degraded.add("monitor '" + monitor.getKey() + "' is failing: " + monitor.getValue().lastError());
            }
        }
        for (Map.Entry<String, ExporterStatistics> exporter : statistics.exporters().entrySet()) {
            if (exporter.getValue().failing()) {
                degraded.add("exporter '" + exporter.getKey() + "' is failing: " + exporter.getValue().lastError());
            }
        }
        JvmInfo jvm = latest == null ? null : latest.jvm().orElse(null);
        if (jvm != null && jvm.leakSuspected()) {
            degraded.add(String.format(java.util.Locale.ROOT,
                    "memory leak suspected: live heap grows %.1f MB per hour", jvm.memoryGrowthPerHour() / 1048576.0));
        }
        HealthReport.Health health = !fatal.isEmpty() ? HealthReport.Health.UNHEALTHY
                : !degraded.isEmpty() ? HealthReport.Health.DEGRADED
                : HealthReport.Health.HEALTHY;
        List<String> problems = new ArrayList<>(fatal);
        problems.addAll(degraded);
        Duration uptime = startTime == null ? Duration.ZERO : Duration.between(startTime, now);
        return new HealthReport(health, status, startTime, uptime, snapshotAge, problems, jvm, statistics);
    }
}
