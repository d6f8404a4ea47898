package io.wsmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.JvmInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.core.json.SnapshotCodec;
import io.wsmon.core.testing.Snapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

    private static final Instant NOW = Snapshots.TIMESTAMP.toInstant();
    private static final ServiceStatistics NO_PROBLEMS = new ServiceStatistics(10, 0, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, 0, Map.of(), Map.of());

    @Test
    void evaluate_leakSuspected_degradedWithTheGrowth() {
        HealthReport report = evaluate(jvm(true, 100.0 * 1048576));

        assertThat(report.health()).isEqualTo(HealthReport.Health.DEGRADED);
        assertThat(report.problems()).containsExactly("memory leak suspected: live heap grows 100.0 MB per hour");
        assertThat(report.jvm().leakSuspected()).isTrue();
    }

    @Test
    void evaluate_noLeak_healthy() {
        HealthReport report = evaluate(jvm(false, 1.0));

        assertThat(report.health()).isEqualTo(HealthReport.Health.HEALTHY);
        assertThat(report.problems()).isEmpty();
    }

    private static HealthReport evaluate(JvmInfo jvm) {
        Snapshot latest = Snapshot.of(1, Snapshots.TIMESTAMP, Map.of(Snapshot.JVM, jvm), List.of(),
                new SnapshotCodec()::encode);
        return HealthCheck.evaluate(ServiceStatus.RUNNING, NOW.minusSeconds(60), NOW, Duration.ofMillis(500), latest,
                NO_PROBLEMS);
    }

    private static JvmInfo jvm(boolean leak, double growthPerHour) {
        return new JvmInfo(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, growthPerHour, leak);
    }
}
