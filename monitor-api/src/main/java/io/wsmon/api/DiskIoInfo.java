package io.wsmon.api;

import java.util.List;

/**
 * The {@code disk_io} section: traffic of the block devices, each and all together. Partitions and
 * loop and RAM devices are left out; the totals count each byte once (a device stacked on others, such
 * as an LVM or RAID device, is listed but not added to the totals).
 *
 * @param readBytesPerSec bytes read per second since the previous tick, all devices
 * @param writeBytesPerSec bytes written per second since the previous tick, all devices
 * @param readsPerSec read operations completed per second since the previous tick, all devices
 * @param writesPerSec write operations completed per second since the previous tick, all devices
 * @param devices each device, in the kernel's order
 */
public record DiskIoInfo(
        double readBytesPerSec,
        double writeBytesPerSec,
        double readsPerSec,
        double writesPerSec,
        List<DiskIoDevice> devices) {

    /** Copies the list so the record stays immutable. */
    public DiskIoInfo {
        devices = List.copyOf(devices);
    }
}
