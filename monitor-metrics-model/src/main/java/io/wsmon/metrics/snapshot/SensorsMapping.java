package io.wsmon.metrics.snapshot;

import static io.wsmon.metrics.MetricUnit.CELSIUS;
import static io.wsmon.metrics.MetricUnit.RPM;

import io.wsmon.metrics.Figure;
import io.wsmon.metrics.Label;
import io.wsmon.metrics.LabelKey;

/** The {@code sensors} section: temperatures and fans, labelled by chip and sensor as node_exporter's hwmon. */
final class SensorsMapping implements SectionMapping {

    static final Figure TEMPERATURE = Figure.gauge("node_hwmon_temp_celsius", "hw.temperature", CELSIUS,
            "Temperature of the sensor");
    static final Figure TEMPERATURE_HIGH = Figure.gauge("node_hwmon_temp_max_celsius", "hw.temperature.limit",
            CELSIUS, "Temperature the chip calls high");
    static final Figure TEMPERATURE_CRITICAL = Figure.gauge("node_hwmon_temp_crit_celsius", "hw.temperature.limit",
            CELSIUS, "Temperature the chip calls critical");
    static final Figure FAN = Figure.gauge("node_hwmon_fan_rpm", "hw.fan.speed", RPM, "Speed of the fan");

    private static final LabelKey CHIP = LabelKey.of("chip", "hw.parent");
    private static final LabelKey SENSOR = LabelKey.of("sensor", "hw.name");
    private static final LabelKey LIMIT = LabelKey.otelOnly("hw.limit_type");

    @Override
    public void map(String name, Object wire, Families out) {
        WireNode.of(wire).ifPresent(s -> {
            for (WireNode t : s.children("temperatures")) {
                Label chip = CHIP.is(t.text("chip").orElse(""));
                Label sensor = SENSOR.is(t.text("label").orElse(""));
                out.add(TEMPERATURE, t.number("current"), chip, sensor);
                out.add(TEMPERATURE_HIGH, t.number("high"), chip, sensor, LIMIT.is("high.degraded"));
                out.add(TEMPERATURE_CRITICAL, t.number("critical"), chip, sensor, LIMIT.is("high.critical"));
            }
            for (WireNode f : s.children("fans")) {
                out.add(FAN, f.number("rpm"), CHIP.is(f.text("chip").orElse("")), SENSOR.is(f.text("label").orElse("")));
            }
        });
    }
}
