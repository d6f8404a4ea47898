package io.wsmon.api;

/**
 * Usage of the file system holding one path: the {@code disk} section (the first configured path) and
 * each element of the {@code disks} section (all paths).
 *
 * @param path the monitored path, as configured
 * @param total size of the file system in bytes
 * @param used {@code total - free}, in bytes
 * @param free space available to this process, in bytes
 * @param percentage {@code used / total}, in percent (0–100)
 * @param inodesTotal file nodes (inodes) of the file system; {@code null} when the platform does not tell
 * @param inodesFree file nodes still free; {@code null} when the platform does not tell
 * @param inodesPercent file nodes in use, in percent (0–100); {@code null} when the platform does not tell
 *     or the file system has no fixed number of them
 */
public record DiskInfo(String path, long total, long used, long free, double percentage,
        Long inodesTotal, Long inodesFree, Double inodesPercent) {

    /**
     * Usage without file node counts.
     *
     * @param path the monitored path, as configured
     * @param total size of the file system in bytes
     * @param used {@code total - free}, in bytes
     * @param free space available to this process, in bytes
     * @param percentage {@code used / total}, in percent (0–100)
     */
    public DiskInfo(String path, long total, long used, long free, double percentage) {
        this(path, total, used, free, percentage, null, null, null);
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
