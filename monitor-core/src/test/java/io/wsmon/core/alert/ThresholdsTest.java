package io.wsmon.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.AlertLevel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    @Test
    void fromMap_seedKeys_areReadInOrder() {
        Map<String, Object> seed = new LinkedHashMap<>();
        seed.put("memory_warning", 70);
        seed.put("memory_critical", 85.0);
        seed.put("disk_warning", "80");
        seed.put("disk_free_critical_gb", 0.25);

        Thresholds thresholds = Thresholds.fromMap(seed);

        assertThat(thresholds.asMap()).containsExactly(
                Map.entry("memory_warning", 70.0),
                Map.entry("memory_critical", 85.0),
                Map.entry("disk_warning", 80.0),
                Map.entry("disk_free_critical_gb", 0.25));
        assertThat(thresholds.get(AlertMetric.DISK_FREE, AlertLevel.CRITICAL)).hasValue(0.25);
        assertThat(thresholds.metrics()).containsExactly(
                AlertMetric.MEMORY_USAGE, AlertMetric.DISK_USAGE, AlertMetric.DISK_FREE);
    }

    @Test
    void fromMap_unknownKey_isRejectedNamingIt() {
        assertThatThrownBy(() -> Thresholds.fromMap(Map.of("memroy_warning", 70)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown threshold key 'memroy_warning'; known: cpu_warning, cpu_critical, "
                        + "memory_warning");
    }

    @Test
    void fromMap_valueNotANumber_isRejectedNamingKeyAndValue() {
        assertThatThrownBy(() -> Thresholds.fromMap(Map.of("disk_critical", "ninety")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold disk_critical: 'ninety' is not a number");
    }

    @Test
    void set_percentageOutOfRange_isRejectedNamingKey() {
        assertThatThrownBy(() -> Thresholds.builder().set(AlertMetric.MEMORY_USAGE, 70, 150))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold memory_critical: 150.0 is outside 0–100 (it is a percentage)");
    }

    @Test
    void builder_bothLevelsPerMetric_areKeptPerKey() {
        Thresholds thresholds = Thresholds.builder()
                .set(AlertMetric.DISK_FREE, 5, 1)
                .set(AlertMetric.GPU_TEMPERATURE, 75, 85)
                .set("gpu", "memory_percent", AlertLevel.CRITICAL, 90)
                .build();

        assertThat(thresholds.asMap()).containsExactly(
                Map.entry("disk_free_warning_gb", 5.0),
                Map.entry("disk_free_critical_gb", 1.0),
                Map.entry("gpu_temperature_warning", 75.0),
                Map.entry("gpu_temperature_critical", 85.0),
                Map.entry("gpu_memory_critical", 90.0));
        assertThat(thresholds.get(AlertMetric.GPU_TEMPERATURE, AlertLevel.WARNING)).hasValue(75.0);
    }
}
