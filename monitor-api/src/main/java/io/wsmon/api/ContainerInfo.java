package io.wsmon.api;

/**
 * The {@code container} section: the limits of the control group (cgroup) the process runs in, and its
 * use of them. Present only while the group has a memory or a processor limit.
 *
 * @param cgroupVersion 1 or 2
 * @param memoryLimit the memory limit, in bytes; {@code null} when memory is not limited
 * @param memoryUsed memory in use by the group, in bytes, without the page cache the kernel can drop
 *     first (inactive file pages), as {@code docker stats} counts it
 * @param memoryPercent {@code memoryUsed} in percent of {@code memoryLimit}; {@code null} when memory is
 *     not limited
 * @param cpuLimitCores the processor limit, in logical processors (quota / period); {@code null} when
 *     processor time is not limited
 * @param cpuPercentOfLimit processor time used since the previous tick, in percent of the limit;
 *     {@code null} when processor time is not limited
 * @param throttledPeriods scheduler periods in which the group was held back at its limit, since it
 *     started; {@code null} when the kernel does not tell
 * @param throttledSeconds time the group was held back at its limit, since it started, in seconds;
 *     {@code null} when the kernel does not tell
 */
public record ContainerInfo(
        int cgroupVersion,
        Long memoryLimit,
        long memoryUsed,
        Double memoryPercent,
        Double cpuLimitCores,
        Double cpuPercentOfLimit,
        Long throttledPeriods,
        Double throttledSeconds) {}
