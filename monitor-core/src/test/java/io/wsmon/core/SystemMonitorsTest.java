package io.wsmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.Snapshot;
import io.wsmon.core.testing.LogCapture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SystemMonitorsTest {

    @Test
    void only_processorAndMemory_collectsJustThoseWithoutAService() {
        try (SystemMonitors monitors = SystemMonitors.builder().only("processor", "memory").build()) {
            Snapshot snapshot = monitors.collect();

            assertThat(snapshot.sections().keySet()).containsExactly("processor", "memory");
            assertThat(snapshot.seq()).isEqualTo(1);
            assertThat(snapshot.processor().orElseThrow().usagePercent()).isBetween(0.0, 100.0);
            assertThat(snapshot.memory().orElseThrow().total()).isPositive();
            assertThat(snapshot.alerts()).isEmpty();
            assertThat(snapshot.jsonText()).contains("\"processor\":{\"usage_percent\":");
            assertThat(monitors.collect().seq()).isEqualTo(2);
        }
    }

    @Test
    void collect_first_measuresRatesOverTheFirstInterval() {
        try (SystemMonitors monitors = SystemMonitors.builder().only("jvm").firstInterval(Duration.ofMillis(50)).build()) {
            // a single reading of the process's processor time gives no percentage: two were taken
            assertThat(monitors.collect().jvm().orElseThrow().cpuPercent()).isNotNull();
        }
    }

    @Test
    void only_unknownNames_failsNamingThem() {
        assertThatThrownBy(() -> SystemMonitors.builder().only("processor", "cpu", "ram").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("only: no monitor is named 'cpu', 'ram'; known: ")
                .hasMessageContaining("processor")
                .hasMessageContaining("discovered");
    }

    @Test
    void only_aMonitorOnTheClassPath_isFoundByItsName() {
        try (SystemMonitors monitors = SystemMonitors.builder().only("discovered", "memory").build()) {
            assertThat(monitors.names()).containsExactly("memory", "discovered");
            assertThat(monitors.collect().sections()).containsKeys("memory", "discovered");
        }
    }

    @Test
    void builder_withoutOnly_readsEveryBuiltInSection() {
        try (SystemMonitors monitors = SystemMonitors.builder().firstInterval(Duration.ofMillis(10)).build()) {
            assertThat(monitors.collect().sections().keySet())
                    .contains("processor", "memory", "disk", "disks", "system", "network", "jvm");
        }
    }

    @Test
    void setting_bad_leavesTheSectionOutWithOneWarningNamingTheKey() {
        try (LogCapture log = LogCapture.start();
             SystemMonitors monitors = SystemMonitors.builder().only("jvm", "memory")
                     .setting("jvm.leak_threshold_mb_per_hour", "-1").build()) {
            assertThat(monitors.names()).containsExactly("memory");
            assertThat(log.lines("WARN", "monitor 'jvm'")).singleElement().asString().endsWith(" - monitor 'jvm' rejected"
                    + " its settings, its section is left out: jvm.leak_threshold_mb_per_hour: must be a number of MiB"
                    + " per hour above 0, got '-1'");
        }
    }

    @Test
    void firstInterval_outOfRange_isRejected() {
        assertThatThrownBy(() -> SystemMonitors.builder().firstInterval(Duration.ofMinutes(1)))
                .hasMessage("firstInterval: must be between 10ms and 10s, got 1m");
    }

    @Test
    void collect_afterClose_isAnError() {
        SystemMonitors monitors = SystemMonitors.builder().only("memory").build();
        monitors.close();

        assertThatThrownBy(monitors::collect).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
