package io.wsmon.core.collect.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.FanSensor;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.api.SensorsInfo;
import io.wsmon.api.TemperatureSensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorsMonitorTest {

    @TempDir
    Path dir;

    private SensorsMonitor start(Path root) throws Exception {
        SensorsMonitor monitor = new SensorsMonitor(root.resolve("sys"));
        monitor.start(LinuxFixture.context(Map.of()));
        return monitor;
    }

    @Test
    void collect_twoHwmonChips_givesEachTemperatureAndFanInNumericOrder() throws Exception {
        SensorsInfo info = start(LinuxFixture.copy("host", dir)).collect();

        assertThat(info.temperatures()).containsExactly(
                new TemperatureSensor("coretemp", "Package id 0", 45.0, 80.0, 100.0),
                new TemperatureSensor("coretemp", "Core 0", 43.5, null, null),
                new TemperatureSensor("coretemp", "Core 8", 41.0, null, null),
                new TemperatureSensor("nct6775", "temp1", -1.5, null, null));
        assertThat(info.fans()).containsExactly(new FanSensor("nct6775", "fan1", 900),
                new FanSensor("nct6775", "CPU fan", 1200));
    }

    @Test
    void collect_sensorThatStopsAnswering_isLeftOutOfThatTick() throws Exception {
        Path root = LinuxFixture.copy("host", dir);
        SensorsMonitor monitor = start(root);
        Files.delete(root.resolve("sys/class/hwmon/hwmon0/temp2_input"));

        assertThat(monitor.collect().temperatures()).extracting(TemperatureSensor::label)
                .containsExactly("Package id 0", "Core 8", "temp1");
    }

    @Test
    void collect_onlyThermalZones_readsTheZonesAndTheirTripPoints() throws Exception {
        SensorsInfo info = start(LinuxFixture.copy("thermal-only", dir)).collect();

        assertThat(info.temperatures()).containsExactly(
                new TemperatureSensor("acpitz", "thermal_zone0", 27.8, 90.0, 105.0));
        assertThat(info.fans()).isEmpty();
    }

    @Test
    void start_noSensors_isUnavailable() throws Exception {
        Files.createDirectories(dir.resolve("sys/class"));

        assertThatThrownBy(() -> start(dir)).isInstanceOf(MonitorUnavailableException.class);
    }
}
