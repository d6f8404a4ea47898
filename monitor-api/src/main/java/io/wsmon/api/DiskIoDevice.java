package io.wsmon.api;

/**
 * Traffic of one block device, part of {@link DiskIoInfo}. Rates are 0 at the first tick.
 *
 * @param name the kernel's device name, for example {@code "sda"} or {@code "nvme0n1"}
 * @param readBytesPerSec bytes read per second since the previous tick
 * @param writeBytesPerSec bytes written per second since the previous tick
 * @param readsPerSec read operations completed per second since the previous tick
 * @param writesPerSec write operations completed per second since the previous tick
 * @param busyPercent share of the time since the previous tick the device had I/O in flight, in
 *     percent (0–100)
 * @param readBytes bytes read since boot
 * @param writeBytes bytes written since boot
 * @param reads read operations completed since boot
 * @param writes write operations completed since boot
 * @param ioTimeSeconds time the device had I/O in flight since boot, in seconds
 */
public record DiskIoDevice(
        String name,
        double readBytesPerSec,
        double writeBytesPerSec,
        double readsPerSec,
        double writesPerSec,
        double busyPercent,
        long readBytes,
        long writeBytes,
        long reads,
        long writes,
        double ioTimeSeconds) {}
