package io.wsmon.metrics.snapshot;

import static io.wsmon.metrics.MetricUnit.BYTES;
import static io.wsmon.metrics.MetricUnit.NONE;
import static io.wsmon.metrics.MetricUnit.RATIO;
import static io.wsmon.metrics.MetricUnit.SECONDS;
import static io.wsmon.metrics.snapshot.SectionMapping.ratio;

import io.wsmon.metrics.Figure;
import io.wsmon.metrics.Label;
import io.wsmon.metrics.LabelKey;

/**
 * The {@code disk_io} section: per block device, the counters since boot and the busy share of the last
 * interval. The rates and the all-device totals are left out: rating and summing are the engine's job.
 */
final class DiskIoMapping implements SectionMapping {

    static final Figure READ_BYTES = Figure.counter("node_disk_read_bytes_total", "system.disk.io", BYTES,
            "Bytes read from the device since boot");
    static final Figure WRITTEN_BYTES = Figure.counter("node_disk_written_bytes_total", "system.disk.io", BYTES,
            "Bytes written to the device since boot");
    static final Figure READS = Figure.counter("node_disk_reads_completed_total", "system.disk.operations", NONE,
            "Read operations completed by the device since boot");
    static final Figure WRITES = Figure.counter("node_disk_writes_completed_total", "system.disk.operations", NONE,
            "Write operations completed by the device since boot");
    static final Figure IO_TIME = Figure.counter("node_disk_io_time_seconds_total", "system.disk.io_time", SECONDS,
            "Time the device had I/O in flight since boot");
    static final Figure BUSY = Figure.gauge("wsmon_disk_busy_ratio", "wsmon.disk.busy", RATIO,
            "Share of the last interval the device had I/O in flight");

    private static final LabelKey DEVICE = LabelKey.of("device", "system.device");
    private static final LabelKey DIRECTION = LabelKey.otelOnly("disk.io.direction");

    @Override
    public void map(String name, Object wire, Families out) {
        WireNode.of(wire).ifPresent(io -> {
            for (WireNode disk : io.children("devices")) {
                Label device = DEVICE.is(disk.text("name").orElse(""));
                out.add(READ_BYTES, disk.number("read_bytes"), device, DIRECTION.is("read"));
                out.add(WRITTEN_BYTES, disk.number("write_bytes"), device, DIRECTION.is("write"));
                out.add(READS, disk.number("reads"), device, DIRECTION.is("read"));
                out.add(WRITES, disk.number("writes"), device, DIRECTION.is("write"));
                out.add(IO_TIME, disk.number("io_time_seconds"), device);
                out.add(BUSY, ratio(disk.number("busy_percent")), device);
            }
        });
    }
}
