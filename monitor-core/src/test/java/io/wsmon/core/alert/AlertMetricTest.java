package io.wsmon.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.AlertLevel;
import org.junit.jupiter.api.Test;

class AlertMetricTest {

    @Test
    void message_memoryWarning_isTheSeedsText() {
        assertThat(AlertMetric.MEMORY_USAGE.message(AlertLevel.WARNING, 85.5, 80))
                .isEqualTo("High memory usage: 85.5% (threshold: 80.0%)");
    }

    @Test
    void message_diskCritical_isTheSeedsText() {
        assertThat(AlertMetric.DISK_USAGE.message(AlertLevel.CRITICAL, 96.2, 95))
                .isEqualTo("Critical disk usage: 96.2% (threshold: 95.0%)");
    }

    @Test
    void message_otherMetrics_followTheSameShape() {
        assertThat(AlertMetric.DISK_FREE.message(AlertLevel.WARNING, 1.23, 2))
                .isEqualTo("Low disk free space: 1.2 GB (threshold: 2.0 GB)");
        assertThat(AlertMetric.DISK_FREE.message(AlertLevel.CRITICAL, 0.4, 0.5))
                .isEqualTo("Critical disk free space: 0.4 GB (threshold: 0.5 GB)");
        assertThat(AlertMetric.CPU_USAGE.message(AlertLevel.WARNING, 88, 80))
                .isEqualTo("High CPU usage: 88.0% (threshold: 80.0%)");
        assertThat(AlertMetric.SWAP_USAGE.message(AlertLevel.CRITICAL, 91, 90))
                .isEqualTo("Critical swap usage: 91.0% (threshold: 90.0%)");
        assertThat(AlertMetric.GPU_MEMORY.message(AlertLevel.WARNING, 81.25, 80))
                .isEqualTo("High GPU memory usage: 81.3% (threshold: 80.0%)");
        assertThat(AlertMetric.GPU_TEMPERATURE.message(AlertLevel.CRITICAL, 92, 90))
                .isEqualTo("Critical GPU temperature: 92.0°C (threshold: 90.0°C)");
    }

    @Test
    void resolvedMessage_capitalisesTheSubject() {
        assertThat(AlertMetric.MEMORY_USAGE.resolvedMessage(70.24, 80))
                .isEqualTo("Memory usage back to normal: 70.2% (threshold: 80.0%)");
    }

    @Test
    void thresholdKey_matchesTheServerConfigurationKeys() {
        assertThat(AlertMetric.MEMORY_USAGE.thresholdKey(AlertLevel.WARNING)).isEqualTo("memory_warning");
        assertThat(AlertMetric.DISK_USAGE.thresholdKey(AlertLevel.CRITICAL)).isEqualTo("disk_critical");
        assertThat(AlertMetric.DISK_FREE.thresholdKey(AlertLevel.WARNING)).isEqualTo("disk_free_warning_gb");
        assertThat(AlertMetric.CPU_USAGE.thresholdKey(AlertLevel.CRITICAL)).isEqualTo("cpu_critical");
    }

    @Test
    void mainMetricOf_componentWithUsage_isUsagePercent() {
        assertThat(AlertMetric.mainMetricOf("disk")).isEqualTo(AlertMetric.DISK_USAGE);
        assertThat(AlertMetric.mainMetricOf("memory")).isEqualTo(AlertMetric.MEMORY_USAGE);
    }

    @Test
    void mainMetricOf_gpu_isRejectedAskingForTheMetric() {
        assertThatThrownBy(() -> AlertMetric.mainMetricOf("gpu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("component 'gpu' has several alert metrics (memory_percent, temperature): name the metric");
    }
}
