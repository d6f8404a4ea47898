package io.wsmon.metrics.snapshot;

import static io.wsmon.metrics.MetricUnit.BYTES;
import static io.wsmon.metrics.MetricUnit.NONE;
import static io.wsmon.metrics.MetricUnit.RATIO;
import static io.wsmon.metrics.snapshot.SectionMapping.ratio;

import io.wsmon.metrics.Figure;
import io.wsmon.metrics.Label;
import io.wsmon.metrics.LabelKey;
import java.util.List;

/**
 * The {@code disks} section (every configured path), or the {@code disk} section (the first path) when
 * there is no {@code disks}. The configured path is the {@code mountpoint} label: it names the file system
 * the figures are of.
 */
final class FilesystemMapping implements SectionMapping {

    static final Figure SIZE = Figure.gauge("node_filesystem_size_bytes", "system.filesystem.limit", BYTES,
            "Size of the file system holding the path");
    static final Figure AVAIL = Figure.gauge("node_filesystem_avail_bytes", "system.filesystem.usage", BYTES,
            "Space of the file system available to the agent");
    static final Figure USED = Figure.gauge(null, "system.filesystem.usage", BYTES, "Space of the file system in use");
    static final Figure UTILIZATION = Figure.gauge(null, "system.filesystem.utilization", RATIO,
            "Share of the file system in use");
    static final Figure FILES = Figure.gauge("node_filesystem_files", "wsmon.filesystem.files", NONE,
            "File nodes (inodes) of the file system");
    static final Figure FILES_FREE = Figure.gauge("node_filesystem_files_free", "wsmon.filesystem.files.free", NONE,
            "File nodes (inodes) of the file system still free");

    private static final LabelKey MOUNTPOINT = LabelKey.of("mountpoint", "system.filesystem.mountpoint");
    private static final LabelKey STATE = LabelKey.otelOnly("system.filesystem.state");

    @Override
    public void map(String name, Object wire, Families out) {
        List<WireNode> disks = wire instanceof List<?> list
                ? list.stream().map(WireNode::of).flatMap(java.util.Optional::stream).toList()
                : WireNode.of(wire).stream().toList();
        for (WireNode disk : disks) {
            Label mountpoint = MOUNTPOINT.is(disk.text("path").orElse(""));
            out.add(SIZE, disk.number("total"), mountpoint);
            out.add(AVAIL, disk.number("free"), mountpoint, STATE.is("free"));
            out.add(USED, disk.number("used"), mountpoint, STATE.is("used"));
            out.add(UTILIZATION, ratio(disk.number("percentage")), mountpoint);
            out.add(FILES, disk.number("inodes_total"), mountpoint);
            out.add(FILES_FREE, disk.number("inodes_free"), mountpoint);
        }
    }
}
