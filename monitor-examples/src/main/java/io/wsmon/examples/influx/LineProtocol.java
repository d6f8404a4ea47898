package io.wsmon.examples.influx;

import io.wsmon.api.DiskInfo;
import io.wsmon.api.GpuDevice;
import io.wsmon.api.Snapshot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A snapshot in InfluxDB line protocol, timestamps in milliseconds: one point for {@code cpu} and
 * {@code memory}, one per disk path (tag {@code path}) and one per GPU (tag {@code gpu}), each tagged with
 * the {@code host} when the snapshot has a {@code system} section. Absent figures are left out.
 */
final class LineProtocol {

    private LineProtocol() {}

    /**
     * @param snapshot the snapshot
     * @return its points, one line each, empty when it has none of the sections above
     */
    static String lines(Snapshot snapshot) {
        long millis = snapshot.timestamp().toInstant().toEpochMilli();
        String host = snapshot.system().map(s -> s.hostname()).orElse(null);
        List<Point> points = new ArrayList<>();
        snapshot.processor().ifPresent(p -> points.add(new Point("cpu", host)
                .field("usage_percent", p.usagePercent())
                .field("frequency_current", p.frequencyCurrent())));
        snapshot.memory().ifPresent(m -> points.add(new Point("memory", host)
                .field("percentage", m.percentage())
                .field("used", m.used())
                .field("available", m.available())
                .field("total", m.total())));
        for (DiskInfo disk : snapshot.disks()) {
            points.add(new Point("disk", host).tag("path", disk.path())
                    .field("percentage", disk.percentage())
                    .field("used", disk.used())
                    .field("free", disk.free())
                    .field("total", disk.total()));
        }
        snapshot.gpu().ifPresent(gpus -> {
            for (GpuDevice gpu : gpus.gpus()) {
                points.add(new Point("gpu", host).tag("gpu", String.valueOf(gpu.id()))
                        .field("usage_percent", gpu.gpuUsagePercent())
                        .field("memory_used", gpu.memoryUsed())
                        .field("memory_total", gpu.memoryTotal())
                        .field("temperature", gpu.temperature()));
            }
        });
        StringJoiner lines = new StringJoiner("\n");
        for (Point point : points) {
            point.line(millis).ifPresent(lines::add);
        }
        return lines.toString();
    }

    /** One point: measurement, tags, fields; figures that are null or not finite are left out. */
    private static final class Point {
        private final StringBuilder key = new StringBuilder();
        private final StringJoiner fields = new StringJoiner(",");

        Point(String measurement, String host) {
            key.append(measurement);
            if (host != null && !host.isEmpty()) {
                tag("host", host);
            }
        }

        Point tag(String name, String value) {
            key.append(',').append(name).append('=').append(escape(value));
            return this;
        }

        Point field(String name, Double value) {
            if (value != null && Double.isFinite(value)) {
                fields.add(name + "=" + BigDecimal.valueOf(value).toPlainString());
            }
            return this;
        }

        Point field(String name, Long value) {
            if (value != null) {
                fields.add(name + "=" + value + "i");
            }
            return this;
        }

        Optional<String> line(long millis) {
            return fields.length() == 0
                    ? Optional.empty()
                    : Optional.of(key + " " + fields + " " + millis);
        }

        /** Tag values escape commas, equals signs and spaces with a backslash. */
        private static String escape(String value) {
            return value.replace(",", "\\,").replace("=", "\\=").replace(" ", "\\ ");
        }
    }
}
