package io.wsmon.core.collect;

import io.wsmon.api.FanSensor;
import io.wsmon.api.Monitor;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.api.SensorsInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.api.TemperatureSensor;
import java.util.ArrayList;
import java.util.List;
import oshi.hardware.Sensors;

/**
 * The {@code sensors} section through OSHI, for platforms without {@code /sys}: OSHI knows only the
 * processor's temperature and the fans' speeds, listed under the chip {@value #CHIP} as {@code cpu} and
 * {@code fan1}, {@code fan2}, ...; a reading of 0 means OSHI does not know it and is left out, and the
 * section is absent when nothing is known. Reading sensors may query the system slowly, so this monitor
 * runs on a thread of its own.
 */
public final class OshiSensorsMonitor implements Monitor<SensorsInfo> {

    /** The chip the readings are listed under: OSHI does not say which chip measured them. */
    public static final String CHIP = "system";

    private final Sensors sensors;

    /**
     * @param host the OSHI entry points
     */
    public OshiSensorsMonitor(OshiHost host) {
        this(host.hardware().getSensors());
    }

    OshiSensorsMonitor(Sensors sensors) {
        this.sensors = sensors;
    }

    @Override
    public String name() {
        return Snapshot.SENSORS;
    }

    @Override
    public void start(MonitorContext context) throws MonitorUnavailableException {
        if (collect() == null) {
            throw new MonitorUnavailableException("OSHI reads no processor temperature and no fan on this machine");
        }
    }

    @Override
    public SensorsInfo collect() {
        double celsius = sensors.getCpuTemperature();
        List<TemperatureSensor> temperatures = celsius > 0 && Double.isFinite(celsius)
                ? List.of(new TemperatureSensor(CHIP, "cpu", Rounding.oneDecimal(celsius), null, null))
                : List.of();
        int[] speeds = sensors.getFanSpeeds();
        List<FanSensor> fans = new ArrayList<>(speeds.length);
        for (int i = 0; i < speeds.length; i++) {
            if (speeds[i] > 0) {
                fans.add(new FanSensor(CHIP, "fan" + (i + 1), speeds[i]));
            }
        }
        return temperatures.isEmpty() && fans.isEmpty() ? null : new SensorsInfo(temperatures, fans);
    }
}
