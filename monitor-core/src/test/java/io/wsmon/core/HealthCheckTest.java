package io.wsmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.core.testing.Snapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdicts of a health report, one test per rule. */
class HealthCheckTest {

    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Instant SNAPSHOT_AT = Snapshots.TIMESTAMP.toInstant();
    private static final ServiceStatistics QUIET = new ServiceStatistics(1, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO,
            0, Map.of(), Map.of());

    @Test
    void running_withAFreshSnapshot_isHealthy() {
        HealthReport report = HealthCheck.evaluate(ServiceStatus.RUNNING, SNAPSHOT_AT.minusSeconds(10),
                SNAPSHOT_AT.plusMillis(1400), INTERVAL, Snapshots.full(1), QUIET);

        assertThat(report.health()).isEqualTo(HealthReport.Health.HEALTHY);
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void running_noSnapshotForThreeIntervals_isUnhealthyNamingTheAge() {
        HealthReport report = HealthCheck.evaluate(ServiceStatus.RUNNING, SNAPSHOT_AT.minusSeconds(10),
                SNAPSHOT_AT.plusMillis(1600), INTERVAL, Snapshots.full(1), QUIET);

        assertThat(report.health()).isEqualTo(HealthReport.Health.UNHEALTHY);
        assertThat(report.problems()).singleElement().asString().startsWith("no snapshot for 1.6s");
    }

    @Test
    void running_noSnapshotAtAllThreeIntervalsAfterTheStart_isUnhealthy() {
        HealthReport early = HealthCheck.evaluate(ServiceStatus.RUNNING, SNAPSHOT_AT, SNAPSHOT_AT.plusMillis(1000),
                INTERVAL, null, QUIET);
        HealthReport stuck = HealthCheck.evaluate(ServiceStatus.RUNNING, SNAPSHOT_AT, SNAPSHOT_AT.plusMillis(1600),
                INTERVAL, null, QUIET);

        assertThat(early.health()).isEqualTo(HealthReport.Health.HEALTHY);
        assertThat(stuck.health()).isEqualTo(HealthReport.Health.UNHEALTHY);
        assertThat(stuck.problems()).singleElement().asString().startsWith("no snapshot since the start");
    }

    @Test
    void running_aMonitorFailing_isDegradedNamingIt() {
        ServiceStatistics failing = new ServiceStatistics(1, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0,
                Map.of("disk", new MonitorStatistics(1, 1, 0, 0, true, "boom")), Map.of());

        HealthReport report = HealthCheck.evaluate(ServiceStatus.RUNNING, SNAPSHOT_AT, SNAPSHOT_AT.plusMillis(100),
                INTERVAL, Snapshots.full(1), failing);

        assertThat(report.health()).isEqualTo(HealthReport.Health.DEGRADED);
        assertThat(report.problems()).containsExactly("monitor 'disk' is failing: boom");
    }

    @Test
    void stopped_isUnhealthySayingSo() {
        HealthReport report = HealthCheck.evaluate(ServiceStatus.STOPPED, SNAPSHOT_AT, SNAPSHOT_AT.plusMillis(100),
                INTERVAL, Snapshots.full(1), QUIET);

        assertThat(report.health()).isEqualTo(HealthReport.Health.UNHEALTHY);
        assertThat(report.problems()).containsExactly("the service is stopped");
    }
}
