package io.wsmon.core;

import io.wsmon.api.JvmInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The service's health at one moment (the seed's {@code get_health_report()}).
 *
 * @param health the verdict
 * @param status where the service is in its life
 * @param startTime when the service started; {@code null} before start
 * @param uptime time since start
 * @param lastSnapshotAge time since the newest snapshot; {@code null} when there is none yet
 * @param problems each problem found, as a sentence; empty when healthy
 * @param jvm the service's own process at the newest snapshot, leak check included; {@code null}
 *     when the {@code jvm} monitor is off
 * @param statistics the service's counters
 */
public record HealthReport(
        Health health,
        ServiceStatus status,
        Instant startTime,
        Duration uptime,
        Duration lastSnapshotAge,
        List<String> problems,
        JvmInfo jvm,
        ServiceStatistics statistics) {

    /** Copies the list so the record stays immutable. */
    public HealthReport {
        problems = List.copyOf(problems);
    }

    /** The verdict of a {@link HealthReport}. */
    public enum Health {
        /** Collecting on time, every monitor and exporter working. */
        HEALTHY,
        /** Collecting, but a monitor or exporter is failing or a memory leak is suspected. */
        DEGRADED,
        /** Not running, or no snapshot for three intervals. */
        UNHEALTHY
    }
}
