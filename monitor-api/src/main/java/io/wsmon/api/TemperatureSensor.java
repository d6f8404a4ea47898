package io.wsmon.api;

/**
 * One temperature sensor, part of {@link SensorsInfo}.
 *
 * @param chip the chip or zone it belongs to, for example {@code "coretemp"} or {@code "acpitz"}
 * @param label the sensor's label, for example {@code "Package id 0"}, or its name such as {@code "temp1"}
 * @param current the temperature now, in °C
 * @param high the temperature the chip calls high, in °C; {@code null} when it names none
 * @param critical the temperature the chip calls critical, in °C; {@code null} when it names none
 */
public record TemperatureSensor(String chip, String label, double current, Double high, Double critical) {

    /**
     * The name alert rules and messages use for this sensor.
     *
     * @return {@code chip/label}, for example {@code "coretemp/Package id 0"}
     */
    public String resourceName() {
        return chip + "/" + label;
    }
}
