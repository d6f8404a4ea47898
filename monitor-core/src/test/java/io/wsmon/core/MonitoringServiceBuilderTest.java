package io.wsmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.core.testing.Await;
import io.wsmon.core.testing.FakeMonitor;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitoringServiceBuilderTest {

    @Test
    void interval_belowTheMinimum_isRejectedNamingTheValue() {
        assertThatThrownBy(() -> MonitoringService.builder().interval(Duration.ofMillis(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval: must be between 10ms and 1h, got 5ms");
    }

    @Test
    void interval_aboveTheMaximum_isRejected() {
        assertThatThrownBy(() -> MonitoringService.builder().interval(Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval: must be between 10ms and 1h, got 2h");
    }

    @Test
    void interval_setTwice_isRejected() {
        MonitoringServiceBuilder builder = MonitoringService.builder().interval(Duration.ofSeconds(1));
        assertThatThrownBy(() -> builder.interval(Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("interval: already set to PT1S");
    }

    @Test
    void historySize_belowOne_isRejected() {
        assertThatThrownBy(() -> MonitoringService.builder().historySize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("historySize: must be at least 1, got 0");
    }

    @Test
    void historyMaxAge_zero_isRejected() {
        assertThatThrownBy(() -> MonitoringService.builder().historyMaxAge(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("historyMaxAge: must be between");
    }

    @Test
    void diskPaths_missingPath_isRejectedNamingIt() {
        assertThatThrownBy(() -> MonitoringService.builder().diskPaths("/", "/no/such/path"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("diskPaths: path does not exist: /no/such/path");
    }

    @Test
    void diskPaths_none_isRejected() {
        assertThatThrownBy(() -> MonitoringService.builder().diskPaths())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("diskPaths: at least one path is needed");
    }

    @Test
    void monitor_twoWithTheSameName_isRejectedAtTheCall() {
        MonitoringServiceBuilder builder = MonitoringService.builder().monitor(new FakeMonitor("queue", () -> 1));
        assertThatThrownBy(() -> builder.monitor(new FakeMonitor("queue", () -> 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("monitor: two monitors named 'queue'");
    }

    @Test
    void monitor_namedLikeABuiltIn_isRejectedAtStartWithTheRemedy() {
        MonitoringServiceBuilder builder = MonitoringService.builder().discovery(false)
                .onlyMonitors("memory").monitor(new FakeMonitor("memory", () -> 1));
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two monitors named 'memory'")
                .hasMessageContaining("disable(\"memory\")");
    }

    @Test
    void monitor_namedLikeADisabledBuiltIn_replacesIt() {
        try (MonitoringService service = MonitoringService.builder().discovery(false).onlyMonitors("memory")
                .disable("memory").monitor(new FakeMonitor("memory", () -> "mine")).start()) {
            Await.until("the first tick", () -> service.currentSnapshot().isPresent());
            assertThat(service.currentSnapshot().orElseThrow().sections()).containsExactly(Map.entry("memory", "mine"));
        }
    }

    @Test
    void monitor_withoutName_isRejected() {
        assertThatThrownBy(() -> MonitoringService.builder().monitor(new FakeMonitor(" ", () -> 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("monitor: a name must not be empty");
    }

    @Test
    void collectTimeout_longerThanTheInterval_isRejectedAtBuild() {
        MonitoringServiceBuilder builder = MonitoringService.builder()
                .interval(Duration.ofMillis(100)).collectTimeout(Duration.ofMillis(200));
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("collectTimeout: 200ms is longer than the interval 100ms");
    }

    @Test
    void setting_monitorsDisable_leavesThoseMonitorsOut() {
        try (MonitoringService service = MonitoringService.builder().discovery(false)
                .setting("monitors.disable", " processes, sensors,disk_io,container,pressure ").start()) {
            Await.until("the first tick", () -> service.currentSnapshot().isPresent());
            assertThat(service.statistics().monitors().keySet())
                    .contains("processor", "memory")
                    .doesNotContain("processes", "sensors", "disk_io", "container", "pressure");
        }
    }

    @Test
    void setting_processesTopNotANumber_isRejectedNamingTheKey() {
        assertThatThrownBy(() -> MonitoringService.builder().setting("processes.top", "ten"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("processes.top: must be a whole number from 1 to 100, got 'ten'");
    }

    @Test
    void setting_processesIntervalTooShort_isRejectedNamingTheKey() {
        assertThatThrownBy(() -> MonitoringService.builder().setting("processes.interval", "0.01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("processes.interval: must be a number of seconds from 0.1 to 3600, got '0.01'");
    }
}
