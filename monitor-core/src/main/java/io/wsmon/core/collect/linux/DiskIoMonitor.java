package io.wsmon.core.collect.linux;

import io.wsmon.api.DiskIoDevice;
import io.wsmon.api.DiskIoInfo;
import io.wsmon.api.Monitor;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.api.Snapshot;
import io.wsmon.core.collect.CounterRate;
import io.wsmon.core.collect.InlineMonitor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code disk_io} section from {@code /proc/diskstats}: rates from the difference between this tick's
 * counters and the previous tick's (0 at the first tick), per device and in total. Time is taken from
 * {@code /proc/uptime}, the clock the kernel's counters run on.
 */
public final class DiskIoMonitor implements Monitor<DiskIoInfo>, InlineMonitor {

    /** {@code /proc/diskstats} counts sectors of 512 bytes, whatever the device's own sector size. */
    private static final long SECTOR = 512;

    private final ProcFile diskstats;
    private final ProcFile uptime;
    private final BlockDevices devices;
    private Map<String, DiskCounters> previous = Map.of();
    private double previousAt = Double.NaN;

    /** Reads the real {@code /proc} and {@code /sys}. */
    public DiskIoMonitor() {
        this(LinuxPaths.PROC, LinuxPaths.SYS);
    }

    DiskIoMonitor(Path proc, Path sys) {
        this.diskstats = new ProcFile(proc.resolve("diskstats"));
        this.uptime = new ProcFile(proc.resolve("uptime"));
        this.devices = new BlockDevices(sys);
    }

    @Override
    public String name() {
        return Snapshot.DISK_IO;
    }

    @Override
    public boolean runsInline() {
        return true;
    }

    @Override
    public void start(MonitorContext context) throws MonitorUnavailableException {
        try {
            devices.refresh();
            ProcParsers.diskCounters(diskstats.read());
        } catch (IOException | RuntimeException e) {
            throw new MonitorUnavailableException("cannot read block device statistics: " + e.getMessage());
        }
    }

    @Override
    public DiskIoInfo collect() throws IOException {
        double now = ProcParsers.uptimeSeconds(uptime.read());
        List<DiskCounters> counters = ProcParsers.diskCounters(diskstats.read());
        double seconds = Double.isNaN(previousAt) ? 0 : now - previousAt;
        Map<String, DiskCounters> current = new HashMap<>();
        List<DiskIoDevice> listed = new ArrayList<>();
        double readBytes = 0;
        double writeBytes = 0;
        double reads = 0;
        double writes = 0;
        for (DiskCounters c : counters) {
            if (!devices.isShown(c.name())) {
                continue;
            }
            current.put(c.name(), c);
            DiskCounters before = previous.getOrDefault(c.name(), c);
            double readRate = CounterRate.perSecond(before.sectorsRead() * SECTOR, c.sectorsRead() * SECTOR,
                    seconds);
            double writeRate = CounterRate.perSecond(before.sectorsWritten() * SECTOR, c.sectorsWritten() * SECTOR,
                    seconds);
            double readOps = CounterRate.perSecond(before.reads(), c.reads(), seconds);
            double writeOps = CounterRate.perSecond(before.writes(), c.writes(), seconds);
            double busy = CounterRate.busyPercent(before.ioMillis(), c.ioMillis(), seconds);
            listed.add(new DiskIoDevice(c.name(), readRate, writeRate, readOps, writeOps, busy,
                    c.sectorsRead() * SECTOR, c.sectorsWritten() * SECTOR, c.reads(), c.writes(),
                    c.ioMillis() / 1000.0));
            if (!devices.isStacked(c.name())) {
                readBytes += readRate;
                writeBytes += writeRate;
                reads += readOps;
                writes += writeOps;
            }
        }
        previous = current;
        previousAt = now;
        return new DiskIoInfo(oneDecimal(readBytes), oneDecimal(writeBytes), oneDecimal(reads), oneDecimal(writes),
                listed);
    }

    private static double oneDecimal(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}
