package io.wsmon.core.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.core.ServiceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JvmSettingsTest {

    @Test
    void from_noJvmKeys_defaults() {
        JvmSettings settings = JvmSettings.from(Map.of("gpu.backend", "nvml"));

        assertThat(settings.leakWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.leakThresholdMbPerHour()).isEqualTo(50.0);
    }

    @Test
    void from_validValues_read() {
        JvmSettings settings = JvmSettings.from(Map.of(JvmSettings.LEAK_WINDOW, " 600 ", JvmSettings.LEAK_THRESHOLD, "2.5"));

        assertThat(settings.leakWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.leakThresholdMbPerHour()).isEqualTo(2.5);
    }

    @Test
    void from_badValue_namesTheKeyAndTheValue() {
        assertThatThrownBy(() -> JvmSettings.from(Map.of(JvmSettings.LEAK_WINDOW, "an hour")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("jvm.leak_window: must be a number of seconds above 0 and at most 604800, got 'an hour'");
        assertThatThrownBy(() -> JvmSettings.from(Map.of(JvmSettings.LEAK_WINDOW, "0")))
                .hasMessage("jvm.leak_window: must be a number of seconds above 0 and at most 604800, got '0'");
        assertThatThrownBy(() -> JvmSettings.from(Map.of(JvmSettings.LEAK_THRESHOLD, "-1")))
                .hasMessage("jvm.leak_threshold_mb_per_hour: must be a number of MiB per hour above 0, got '-1'");
        assertThatThrownBy(() -> JvmSettings.from(Map.of(JvmSettings.LEAK_THRESHOLD, "NaN")))
                .hasMessage("jvm.leak_threshold_mb_per_hour: must be a number of MiB per hour above 0, got 'NaN'");
    }

    @Test
    void from_unknownJvmKey_namesItAndTheKnownOnes() {
        assertThatThrownBy(() -> JvmSettings.from(Map.of("jvm.leak_windw", "60")))
                .hasMessage("unknown JVM setting 'jvm.leak_windw'; known settings: jvm.leak_threshold_mb_per_hour, jvm.leak_window");
    }

    @Test
    void monitorStart_badLeakWindow_failsNamingTheKey() {
        JvmMonitor monitor = new JvmMonitor(null);
        ServiceContext context = new ServiceContext(Clock.systemUTC(), Duration.ofSeconds(1),
                Map.of(JvmSettings.LEAK_WINDOW, "x"));

        assertThatThrownBy(() -> monitor.start(context)).hasMessageStartingWith("jvm.leak_window: ");
    }
}
