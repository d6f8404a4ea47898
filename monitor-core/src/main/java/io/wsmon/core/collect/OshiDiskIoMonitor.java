package io.wsmon.core.collect;

import io.wsmon.api.DiskIoDevice;
import io.wsmon.api.DiskIoInfo;
import io.wsmon.api.Monitor;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.api.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import oshi.hardware.HWDiskStore;

/**
 * The {@code disk_io} section through OSHI's disk stores, for platforms without {@code /proc}: rates from
 * the difference between this tick's counters and the previous tick's (0 at the first tick), over the time
 * between OSHI's two readings of each disk; busy percent from the disk's transfer time. OSHI lists whole
 * disks, not partitions; loop and RAM devices are left out. The disks are listed once, and again when one
 * of them no longer answers. OSHI may query the system in ways that can take long, so this monitor runs on
 * a thread of its own.
 */
public final class OshiDiskIoMonitor implements Monitor<DiskIoInfo> {

    private static final String DEV = "/dev/";

    private final OshiHost host;
    private List<HWDiskStore> disks = List.of();
    private boolean relist;
    private Map<String, Reading> previous = Map.of();

    /**
     * @param host the OSHI entry points
     */
    public OshiDiskIoMonitor(OshiHost host) {
        this.host = host;
    }

    @Override
    public String name() {
        return Snapshot.DISK_IO;
    }

    @Override
    public void start(MonitorContext context) throws MonitorUnavailableException {
        disks = list();
        if (disks.isEmpty()) {
            throw new MonitorUnavailableException("OSHI lists no disk on this machine");
        }
    }

    @Override
    public DiskIoInfo collect() {
        boolean fresh = relist;
        if (relist) {
            disks = list();
            relist = false;
        }
        Map<String, Reading> current = new HashMap<>();
        List<DiskIoDevice> listed = new ArrayList<>(disks.size());
        double readBytes = 0;
        double writeBytes = 0;
        double reads = 0;
        double writes = 0;
        for (HWDiskStore disk : disks) {
            // a freshly listed disk already holds this tick's counters
            if (!fresh && !disk.updateAttributes()) {
                relist = true;
                continue;
            }
            String name = nameOf(disk);
            Reading now = new Reading(disk.getReadBytes(), disk.getWriteBytes(), disk.getReads(), disk.getWrites(),
                    disk.getTransferTime(), disk.getTimeStamp());
            current.put(name, now);
            Reading before = previous.getOrDefault(name, now);
            double seconds = (now.timestamp() - before.timestamp()) / 1000.0;
            DiskIoDevice device = new DiskIoDevice(name,
                    CounterRate.perSecond(before.readBytes(), now.readBytes(), seconds),
                    CounterRate.perSecond(before.writeBytes(), now.writeBytes(), seconds),
                    CounterRate.perSecond(before.reads(), now.reads(), seconds),
                    CounterRate.perSecond(before.writes(), now.writes(), seconds),
                    CounterRate.busyPercent(before.transferMillis(), now.transferMillis(), seconds),
                    now.readBytes(), now.writeBytes(), now.reads(), now.writes(), now.transferMillis() / 1000.0);
            listed.add(device);
            readBytes += device.readBytesPerSec();
            writeBytes += device.writeBytesPerSec();
            reads += device.readsPerSec();
            writes += device.writesPerSec();
        }
        previous = current;
        return new DiskIoInfo(Rounding.oneDecimal(readBytes), Rounding.oneDecimal(writeBytes),
                Rounding.oneDecimal(reads), Rounding.oneDecimal(writes), listed);
    }

    private List<HWDiskStore> list() {
        return host.hardware().getDiskStores().stream().filter(disk -> !VirtualDisks.isVirtual(nameOf(disk)))
                .toList();
    }

    /** The name without {@code /dev/}, as the Linux monitor and the kernel name the device. */
    private static String nameOf(HWDiskStore disk) {
        String name = disk.getName();
        return name.startsWith(DEV) ? name.substring(DEV.length()) : name;
    }

    /** One disk's cumulative counters, and when OSHI read them (milliseconds since the epoch). */
    private record Reading(long readBytes, long writeBytes, long reads, long writes, long transferMillis,
            long timestamp) {}
}
