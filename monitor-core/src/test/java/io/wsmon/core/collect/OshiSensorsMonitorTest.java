package io.wsmon.core.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.FanSensor;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.api.SensorsInfo;
import io.wsmon.api.TemperatureSensor;
import io.wsmon.core.ServiceContext;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import oshi.hardware.Sensors;

class OshiSensorsMonitorTest {

    /** What OSHI could report on some machine. */
    private record Readings(double cpuTemperature, int[] fanSpeeds) implements Sensors {
        @Override
        public double getCpuTemperature() {
            return cpuTemperature;
        }

        @Override
        public int[] getFanSpeeds() {
            return fanSpeeds;
        }

        @Override
        public double getCpuVoltage() {
            return 0;
        }
    }

    @Test
    void collect_temperatureAndFans_listsThoseOshiKnows() throws Exception {
        OshiSensorsMonitor monitor = new OshiSensorsMonitor(new Readings(45.26, new int[] {0, 1200}));
        monitor.start(ServiceContext.defaults());

        SensorsInfo info = monitor.collect();

        assertThat(info.temperatures()).containsExactly(new TemperatureSensor("system", "cpu", 45.3, null, null));
        assertThat(info.fans()).containsExactly(new FanSensor("system", "fan2", 1200));
    }

    @Test
    void collect_onlyFans_leavesTheTemperatureOut() throws Exception {
        OshiSensorsMonitor monitor = new OshiSensorsMonitor(new Readings(Double.NaN, new int[] {900}));
        monitor.start(ServiceContext.defaults());

        assertThat(monitor.collect().temperatures()).isEmpty();
    }

    @Test
    void start_nothingKnown_isUnavailable() {
        OshiSensorsMonitor monitor = new OshiSensorsMonitor(new Readings(0.0, new int[] {0, 0}));

        assertThatThrownBy(() -> monitor.start(ServiceContext.defaults()))
                .isInstanceOf(MonitorUnavailableException.class)
                .hasMessageContaining("no processor temperature and no fan");
    }

    @Test
    void collect_onThisMachine_agreesWithOshiReadDirectly() throws Exception {
        OshiHost host = new OshiHost();
        Sensors direct = host.hardware().getSensors();
        boolean known = direct.getCpuTemperature() > 0 || Arrays.stream(direct.getFanSpeeds()).anyMatch(s -> s > 0);
        OshiSensorsMonitor monitor = new OshiSensorsMonitor(host);

        if (!known) {
            // most virtual machines, this build machine among them
            assertThatThrownBy(() -> monitor.start(ServiceContext.defaults()))
                    .isInstanceOf(MonitorUnavailableException.class);
            return;
        }
        monitor.start(ServiceContext.defaults());
        SensorsInfo info = monitor.collect();
        assertThat(info.temperatures()).allSatisfy(t -> assertThat(t.current()).isBetween(1.0, 150.0));
        assertThat(info.fans()).allSatisfy(f -> assertThat(f.rpm()).isPositive());
    }
}
