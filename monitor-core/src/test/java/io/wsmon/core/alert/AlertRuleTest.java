package io.wsmon.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.AlertLevel;
import org.junit.jupiter.api.Test;

class AlertRuleTest {

    @Test
    void above_memoryUsage_keepsThresholdsAndDirection() {
        AlertRule rule = AlertRule.above("memory", "usage_percent").warning(80).critical(90);

        assertThat(rule.component()).isEqualTo("memory");
        assertThat(rule.metric()).isEqualTo("usage_percent");
        assertThat(rule.direction()).isEqualTo(Direction.ABOVE);
        assertThat(rule.warningThreshold()).hasValue(80.0);
        assertThat(rule.criticalThreshold()).hasValue(90.0);
        assertThat(rule.isEnabled()).isTrue();
        assertThat(rule.resource()).isEmpty();
    }

    @Test
    void below_diskFree_allowsWarningAboveCritical() {
        AlertRule rule = AlertRule.below("disk", "free_gb").warning(2).critical(0.5);

        assertThat(rule.direction()).isEqualTo(Direction.BELOW);
        assertThat(rule.warningThreshold()).hasValue(2.0);
        assertThat(rule.criticalThreshold()).hasValue(0.5);
    }

    @Test
    void rule_isImmutable_eachCallReturnsANewRule() {
        AlertRule base = AlertRule.above("memory", "usage_percent").warning(80);
        AlertRule changed = base.critical(90);

        assertThat(base.criticalThreshold()).isEmpty();
        assertThat(changed).isNotSameAs(base).isNotEqualTo(base);
        assertThat(changed).isEqualTo(AlertRule.above("memory", "usage_percent").warning(80).critical(90));
    }

    @Test
    void levelOf_aboveRule_picksTheHighestLevelReached() {
        AlertRule rule = AlertRule.above("memory", "usage_percent").warning(80).critical(90);

        assertThat(rule.levelOf(79.9)).isNull();
        assertThat(rule.levelOf(80)).isEqualTo(AlertLevel.WARNING);
        assertThat(rule.levelOf(90)).isEqualTo(AlertLevel.CRITICAL);
        assertThat(rule.enabled(false).levelOf(99)).isNull();
    }

    @Test
    void levelOf_belowRule_alertsAsTheValueFalls() {
        AlertRule rule = AlertRule.below("disk", "free_gb").warning(2).critical(0.5);

        assertThat(rule.levelOf(2.1)).isNull();
        assertThat(rule.levelOf(1.2)).isEqualTo(AlertLevel.WARNING);
        assertThat(rule.levelOf(0.4)).isEqualTo(AlertLevel.CRITICAL);
    }

    @Test
    void warning_beyondCriticalOnAboveRule_isRejectedNamingBothValues() {
        AlertRule rule = AlertRule.above("memory", "usage_percent").critical(90);

        assertThatThrownBy(() -> rule.warning(95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memory usage_percent: warning threshold 95.0 is above the critical threshold 90.0; "
                        + "a rule that alerts above a threshold needs warning <= critical");
    }

    @Test
    void critical_beyondWarningOnBelowRule_isRejected() {
        AlertRule rule = AlertRule.below("disk", "free_gb").warning(0.5);

        assertThatThrownBy(() -> rule.critical(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("disk free_gb: warning threshold 0.5 is below the critical threshold 2.0")
                .hasMessageContaining("warning >= critical");
    }

    @Test
    void warning_percentageAbove100_isRejectedNamingTheRange() {
        assertThatThrownBy(() -> AlertRule.above("memory", "usage_percent").warning(120))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memory usage_percent warning threshold 120.0 is outside 0–100 (it is a percentage)");
    }

    @Test
    void critical_negativePercentage_isRejected() {
        assertThatThrownBy(() -> AlertRule.above("cpu", "usage_percent").critical(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cpu usage_percent critical threshold -1.0 is outside 0–100 (it is a percentage)");
    }

    @Test
    void warning_notANumber_isRejected() {
        assertThatThrownBy(() -> AlertRule.above("gpu", "temperature").warning(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gpu temperature warning threshold must be a finite number, got NaN");
    }

    @Test
    void warning_negativeGigabytes_isRejected() {
        assertThatThrownBy(() -> AlertRule.below("disk", "free_gb").warning(-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("disk free_gb warning threshold -2.0 must not be negative (it is a size in GB)");
    }

    @Test
    void above_unknownComponent_isRejectedListingTheKnownOnes() {
        assertThatThrownBy(() -> AlertRule.above("memroy", "usage_percent"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown alert component 'memroy'; known: cpu, memory, swap, disk, gpu, sensors, container, disk_io,"
                        + " pressure");
    }

    @Test
    void above_unknownMetric_isRejectedListingTheComponentsMetrics() {
        assertThatThrownBy(() -> AlertRule.above("disk", "usage"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown alert metric 'usage' for component 'disk'; known: usage_percent, free_gb");
    }

    @Test
    void above_belowMetric_isRejectedPointingToBelow() {
        assertThatThrownBy(() -> AlertRule.above("disk", "free_gb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("disk free_gb alerts when the value is below a threshold, not above: "
                        + "use AlertRule.below(\"disk\", \"free_gb\")");
    }

    @Test
    void forResource_onSingleInstanceComponent_isRejected() {
        assertThatThrownBy(() -> AlertRule.above("memory", "usage_percent").forResource("/data"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memory usage_percent has a single instance; a rule for it cannot name resource '/data'");
    }

    @Test
    void forResource_onDisk_restrictsTheRule() {
        AlertRule rule = AlertRule.above("disk", "usage_percent").forResource("/data").warning(70);

        assertThat(rule.resource()).hasValue("/data");
        assertThat(rule.toString()).isEqualTo("AlertRule[disk usage_percent on /data above, warning=70.0, critical=null]");
    }

    @Test
    void defaults_matchSpec_memoryDiskOnAndOthersOff() {
        assertThat(AlertRule.defaults()).extracting(AlertRule::toString).containsExactly(
                "AlertRule[cpu usage_percent above, warning=80.0, critical=95.0, disabled]",
                "AlertRule[memory usage_percent above, warning=80.0, critical=90.0]",
                "AlertRule[swap usage_percent above, warning=80.0, critical=90.0, disabled]",
                "AlertRule[disk usage_percent above, warning=85.0, critical=95.0]",
                "AlertRule[disk free_gb below, warning=2.0, critical=0.5]",
                "AlertRule[gpu memory_percent above, warning=80.0, critical=95.0, disabled]",
                "AlertRule[gpu temperature above, warning=80.0, critical=90.0, disabled]",
                "AlertRule[sensors temperature above, warning=80.0, critical=90.0, disabled]",
                "AlertRule[container memory_percent above, warning=80.0, critical=90.0, disabled]",
                "AlertRule[disk_io busy_percent above, warning=80.0, critical=95.0, disabled]",
                "AlertRule[pressure memory_some_avg10 above, warning=10.0, critical=25.0, disabled]");
    }
}
