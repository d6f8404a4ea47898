package io.wsmon.core.collect.linux;

/**
 * A control group's limits, read before its counters: a group without any needs no counters.
 *
 * @param memoryLimit the memory limit in bytes; -1 when not limited
 * @param cpuLimitCores the processor quota in logical processors; -1 when not limited
 */
record CgroupLimits(long memoryLimit, double cpuLimitCores) {

    /** @return whether the group has a memory or a processor limit */
    boolean any() {
        return memoryLimit >= 0 || cpuLimitCores > 0;
    }
}
