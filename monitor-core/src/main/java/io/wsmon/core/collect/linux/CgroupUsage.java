package io.wsmon.core.collect.linux;

/**
 * One reading of a control group's limits and counters, whatever the cgroup version.
 *
 * @param memoryLimit the memory limit in bytes; -1 when not limited
 * @param memoryUsed memory in use without inactive file pages, in bytes; -1 when unknown
 * @param cpuLimitCores the processor quota in logical processors; -1 when not limited
 * @param cpuUsageSeconds processor time used since the group started, in seconds; -1 when unknown
 * @param throttledPeriods periods held back at the limit; -1 when unknown
 * @param throttledSeconds time held back at the limit, in seconds; -1 when unknown
 */
record CgroupUsage(long memoryLimit, long memoryUsed, double cpuLimitCores, double cpuUsageSeconds,
        long throttledPeriods, double throttledSeconds) {

    /** Above this a version 1 memory limit means none: the kernel writes "no limit" as a page-aligned LONG_MAX. */
    static final long UNLIMITED_V1 = 1L << 62;
}
