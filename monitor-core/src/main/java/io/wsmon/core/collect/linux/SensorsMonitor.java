package io.wsmon.core.collect.linux;

import io.wsmon.api.FanSensor;
import io.wsmon.api.Monitor;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.api.SensorsInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.api.TemperatureSensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code sensors} section from {@code /sys/class/hwmon} (temperatures and fans), else, where hwmon
 * has no temperature, from {@code /sys/class/thermal} zones (as {@code psutil} does: the kernel usually
 * mirrors zones into hwmon already). Sensors are found once at start; each tick reads only their current
 * values. Reading a hwmon value may ask the chip over a slow bus, so this monitor runs on a thread of its
 * own, not inline. A sensor that fails to answer at a tick is left out of that tick.
 */
public final class SensorsMonitor implements Monitor<SensorsInfo> {

    private static final Pattern TEMPERATURE = Pattern.compile("temp(\\d+)_input");
    private static final Pattern FAN = Pattern.compile("fan(\\d+)_input");
    private static final Pattern NUMBERED = Pattern.compile("\\D+(\\d+)");

    private final Path sys;
    private final List<SensorSource> temperatures = new ArrayList<>();
    private final List<SensorSource> fans = new ArrayList<>();

    /** Reads the real {@code /sys}. */
    public SensorsMonitor() {
        this(LinuxPaths.SYS);
    }

    SensorsMonitor(Path sys) {
        this.sys = sys;
    }

    @Override
    public String name() {
        return Snapshot.SENSORS;
    }

    @Override
    public void start(MonitorContext context) throws IOException, MonitorUnavailableException {
        for (Path chip : numbered(sys.resolve("class/hwmon"), "hwmon")) {
            findHwmon(chip);
        }
        if (temperatures.isEmpty()) {
            for (Path zone : numbered(sys.resolve("class/thermal"), "thermal_zone")) {
                findThermalZone(zone);
            }
        }
        if (temperatures.isEmpty() && fans.isEmpty()) {
            throw new MonitorUnavailableException("no temperature sensor or fan in " + sys.resolve("class/hwmon")
                    + " or " + sys.resolve("class/thermal"));
        }
    }

    private void findHwmon(Path dir) throws IOException {
        String chip = text(dir.resolve("name"));
        if (chip == null) {
            return;
        }
        for (Path file : numbered(dir, "temp")) {
            Matcher m = TEMPERATURE.matcher(file.getFileName().toString());
            if (m.matches()) {
                String n = "temp" + m.group(1);
                temperatures.add(new SensorSource(chip, label(dir, n), new ProcFile(file),
                        celsius(dir.resolve(n + "_max")), celsius(dir.resolve(n + "_crit"))));
            }
        }
        for (Path file : numbered(dir, "fan")) {
            Matcher m = FAN.matcher(file.getFileName().toString());
            if (m.matches()) {
                String n = "fan" + m.group(1);
                fans.add(new SensorSource(chip, label(dir, n), new ProcFile(file), null, null));
            }
        }
    }

    private void findThermalZone(Path zone) throws IOException {
        String type = text(zone.resolve("type"));
        if (type == null || !Files.exists(zone.resolve("temp"))) {
            return;
        }
        Double high = null;
        Double critical = null;
        for (int trip = 0; trip < 32; trip++) {
            String tripType = text(zone.resolve("trip_point_" + trip + "_type"));
            if (tripType == null) {
                break;
            }
            Double value = celsius(zone.resolve("trip_point_" + trip + "_temp"));
            if (tripType.equals("critical")) {
                critical = value;
            } else if (tripType.equals("hot")) {
                high = value;
            }
        }
        temperatures.add(new SensorSource(type, zone.getFileName().toString(), new ProcFile(zone.resolve("temp")),
                high, critical));
    }

    @Override
    public SensorsInfo collect() {
        List<TemperatureSensor> temps = new ArrayList<>(temperatures.size());
        for (SensorSource source : temperatures) {
            long milli = read(source);
            if (milli != Long.MIN_VALUE) {
                temps.add(new TemperatureSensor(source.chip(), source.label(), Math.round(milli / 100.0) / 10.0,
                        source.high(), source.critical()));
            }
        }
        List<FanSensor> fanSpeeds = new ArrayList<>(fans.size());
        for (SensorSource source : fans) {
            long rpm = read(source);
            if (rpm != Long.MIN_VALUE) {
                fanSpeeds.add(new FanSensor(source.chip(), source.label(), rpm));
            }
        }
        return temps.isEmpty() && fanSpeeds.isEmpty() ? null : new SensorsInfo(temps, fanSpeeds);
    }

    /** @return the value, or {@link Long#MIN_VALUE} when the sensor did not answer */
    private static long read(SensorSource source) {
        try {
            ProcText text = source.input().read();
            boolean negative = text.startsWith("-");
            if (negative) {
                text.skipPast('-');
            }
            long value = text.nextLong();
            return negative ? -value : value;
        } catch (IOException | RuntimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static String label(Path dir, String sensor) {
        String label = text(dir.resolve(sensor + "_label"));
        return label == null ? sensor : label;
    }

    private static Double celsius(Path file) {
        String value = text(file);
        try {
            return value == null ? null : Math.round(Long.parseLong(value) / 100.0) / 10.0;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Path file) {
        try {
            String value = Files.readString(file, StandardCharsets.ISO_8859_1).trim();
            return value.isEmpty() ? null : value;
        } catch (IOException e) {
            return null;
        }
    }

    /** The entries of {@code dir} named {@code prefix} and a number, in numeric order; none when it is missing. */
    private static List<Path> numbered(Path dir, String prefix) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, prefix + "*")) {
            entries.forEach(found::add);
        }
        found.sort(Comparator.comparingLong(SensorsMonitor::number).thenComparing(Path::toString));
        return found;
    }

    private static long number(Path path) {
        Matcher m = NUMBERED.matcher(path.getFileName().toString());
        return m.lookingAt() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }
}
