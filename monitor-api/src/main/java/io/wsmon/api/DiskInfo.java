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
 */
public record DiskInfo(String path, long total, long used, long free, double percentage) {

    /**
     * Free space in gigabytes (2<sup>30</sup> bytes), the unit of the {@code disk free_gb} alert rule.
     *
     * @return free space in GB
     */
    public double freeGb() {
        return free / (1024.0 * 1024.0 * 1024.0);
    }
}
