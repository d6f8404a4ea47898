package io.wsmon.api;

import java.util.List;

/**
 * The {@code sensors} section: the machine's temperature sensors and fans.
 *
 * @param temperatures each temperature sensor, by chip and then sensor number
 * @param fans each fan, by chip and then fan number
 */
public record SensorsInfo(List<TemperatureSensor> temperatures, List<FanSensor> fans) {

    /** Copies the lists so the record stays immutable. */
    public SensorsInfo {
        temperatures = List.copyOf(temperatures);
        fans = List.copyOf(fans);
    }
}
