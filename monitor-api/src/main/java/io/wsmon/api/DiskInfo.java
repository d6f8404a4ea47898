package io.wsmon.api;

/**
 * Usage of the file system holding one path: the {@code disk} section (the first configured path) and
 * each element of the {@code disks} section (all paths).
 *
 * @param path the monitored path, as configured
 * @param total size of the file system in bytes
 * @param used space in use, in bytes: {@code total} less the unallocated space, so blocks reserved for
 *     root count as neither used nor free ({@code total - used} is the free space as root sees it)
 * @param free space available to this process, in bytes
 * @param percentage {@code used / (used + free)}, in percent (0–100), as {@code df} computes it
 * @param inodesTotal file nodes (inodes) of the file system; {@code null} when the platform does not tell
 * @param inodesFree file nodes still free; {@code null} when the platform does not tell
 * @param inodesPercent file nodes in use, in percent (0–100); {@code null} when the platform does not tell
 *     or the file system has no fixed number of them
 * @param mountpoint where the file system holding the path is mounted; {@code null} when unknown
 * @param device the mounted device as the platform names it ({@code /dev/sda1}, {@code tmpfs},
 *     {@code overlay}); {@code null} when unknown
 * @param fstype the file system type ({@code ext4}, {@code xfs}, {@code apfs}, {@code NTFS}); {@code null}
 *     when unknown
 */
public record DiskInfo(String path, long total, long used, long free, double percentage,
        Long inodesTotal, Long inodesFree, Double inodesPercent, String mountpoint, String device, String fstype) {

    /**
     * Usage without the mount it is on.
     *
     * @param path the monitored path, as configured
     * @param total size of the file system in bytes
     * @param used space in use, in bytes
     * @param free space available to this process, in bytes
     * @param percentage {@code used / (used + free)}, in percent (0–100)
     * @param inodesTotal file nodes (inodes) of the file system; {@code null} when unknown
     * @param inodesFree file nodes still free; {@code null} when unknown
     * @param inodesPercent file nodes in use, in percent (0–100); {@code null} when unknown
     */
    public DiskInfo(String path, long total, long used, long free, double percentage,
            Long inodesTotal, Long inodesFree, Double inodesPercent) {
        this(path, total, used, free, percentage, inodesTotal, inodesFree, inodesPercent, null, null, null);
    }

    /**
     * Usage without file node counts.
     *
     * @param path the monitored path, as configured
     * @param total size of the file system in bytes
     * @param used space in use, in bytes
     * @param free space available to this process, in bytes
     * @param percentage {@code used / (used + free)}, in percent (0–100)
     */
    public DiskInfo(String path, long total, long used, long free, double percentage) {
        this(path, total, used, free, percentage, null, null, null, null, null, null);
    }

    /**
     * Free space in gigabytes (2<sup>30</sup> bytes), the unit of the {@code disk free_gb} alert rule.
     *
     * @return free space in GB
     */
    public double freeGb() {
        return free / (1024.0 * 1024.0 * 1024.0);
    }
}
