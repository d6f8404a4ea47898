package io.wsmon.metrics.snapshot;

import static io.wsmon.metrics.MetricUnit.BYTES;
import static io.wsmon.metrics.MetricUnit.NONE;
import static io.wsmon.metrics.MetricUnit.RATIO;
import static io.wsmon.metrics.snapshot.SectionMapping.ratio;

import io.wsmon.metrics.Figure;
import io.wsmon.metrics.Label;
import io.wsmon.metrics.LabelKey;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The {@code disks} section (every configured path), or the {@code disk} section (the first path) when
 * there is no {@code disks}. The file system's mount point is the {@code mountpoint} label (the configured
 * path where the section does not say), with the mounted {@code device} and its {@code fstype} (empty where
 * unknown); two paths on one file system give one series.
 *
 * <p>Free space as root sees it is {@code total - used}: {@code used} leaves out the blocks reserved for
 * root, {@code free} is what the agent may still write; OpenTelemetry's {@code reserved} state is the rest.
 */
final class FilesystemMapping implements SectionMapping {

    static final Figure SIZE = Figure.gauge("node_filesystem_size_bytes", "system.filesystem.limit", BYTES,
            "Size of the file system");
    static final Figure AVAIL = Figure.gauge("node_filesystem_avail_bytes", "system.filesystem.usage", BYTES,
            "Space of the file system available to the agent (an unprivileged user)");
    static final Figure FREE = Figure.gauge("node_filesystem_free_bytes", null, BYTES,
            "Space of the file system not in use, blocks reserved for root included");
    static final Figure USED = Figure.gauge(null, "system.filesystem.usage", BYTES, "Space of the file system in use");
    static final Figure RESERVED = Figure.gauge(null, "system.filesystem.usage", BYTES,
            "Space of the file system free but reserved for root");
    static final Figure UTILIZATION = Figure.gauge(null, "system.filesystem.utilization", RATIO,
            "Share of the file system in use");
    static final Figure FILES = Figure.gauge("node_filesystem_files", "wsmon.filesystem.files", NONE,
            "File nodes (inodes) of the file system");
    static final Figure FILES_FREE = Figure.gauge("node_filesystem_files_free", "wsmon.filesystem.files.free", NONE,
            "File nodes (inodes) of the file system still free");

    private static final LabelKey MOUNTPOINT = LabelKey.of("mountpoint", "system.filesystem.mountpoint");
    private static final LabelKey DEVICE = LabelKey.of("device", "system.device");
    private static final LabelKey FSTYPE = LabelKey.of("fstype", "system.filesystem.type");
    private static final LabelKey STATE = LabelKey.otelOnly("system.filesystem.state");

    @Override
    public void map(String name, Object wire, Families out) {
        List<WireNode> disks = wire instanceof List<?> list
                ? list.stream().map(WireNode::of).flatMap(Optional::stream).toList()
                : WireNode.of(wire).stream().toList();
        for (WireNode disk : disks) {
            Label mountpoint = MOUNTPOINT.is(disk.text("mountpoint").or(() -> disk.text("path")).orElse(""));
            Label device = DEVICE.is(disk.text("device").orElse(""));
            Label fstype = FSTYPE.is(disk.text("fstype").orElse(""));
            OptionalDouble total = disk.number("total");
            OptionalDouble used = disk.number("used");
            OptionalDouble free = disk.number("free");
            out.add(SIZE, total, mountpoint, device, fstype);
            out.add(AVAIL, free, mountpoint, device, fstype, STATE.is("free"));
            out.add(USED, used, mountpoint, device, fstype, STATE.is("used"));
            if (total.isPresent() && used.isPresent()) {
                double unused = total.getAsDouble() - used.getAsDouble();
                out.add(FREE, unused, mountpoint, device, fstype);
                if (free.isPresent() && unused >= free.getAsDouble()) {
                    out.add(RESERVED, unused - free.getAsDouble(), mountpoint, device, fstype, STATE.is("reserved"));
                }
            }
            out.add(UTILIZATION, ratio(disk.number("percentage")), mountpoint, device, fstype);
            out.add(FILES, disk.number("inodes_total"), mountpoint, device, fstype);
            out.add(FILES_FREE, disk.number("inodes_free"), mountpoint, device, fstype);
        }
    }
}
