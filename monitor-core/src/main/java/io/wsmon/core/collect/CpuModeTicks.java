package io.wsmon.core.collect;

import io.wsmon.api.CpuTimesPercent;
import io.wsmon.api.CpuTimesSeconds;

/**
 * Cumulative time of all logical processors by mode, in the platform's tick unit, in the order of
 * {@code /proc/stat} (which OSHI's tick types follow too).
 *
 * @param user user mode, guest time included
 * @param nice user mode at lowered priority, niced guest time included
 * @param system kernel mode
 * @param idle idle
 * @param iowait idle with I/O outstanding
 * @param irq hardware interrupts
 * @param softirq software interrupts
 * @param steal time taken by the hypervisor
 */
public record CpuModeTicks(
        long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {

    /**
     * The share of each mode between an earlier reading and this one.
     *
     * @param earlier the earlier reading, or {@code null} to measure since boot
     * @return percentages with one decimal; all 0 but idle 100 when no time passed
     */
    public CpuTimesPercent percentSince(CpuModeTicks earlier) {
        CpuModeTicks base = earlier == null ? new CpuModeTicks(0, 0, 0, 0, 0, 0, 0, 0) : earlier;
        long dUser = Math.max(0, user - base.user);
        long dNice = Math.max(0, nice - base.nice);
        long dSystem = Math.max(0, system - base.system);
        long dIdle = Math.max(0, idle - base.idle);
        long dIowait = Math.max(0, iowait - base.iowait);
        long dIrq = Math.max(0, irq - base.irq);
        long dSoftirq = Math.max(0, softirq - base.softirq);
        long dSteal = Math.max(0, steal - base.steal);
        long total = dUser + dNice + dSystem + dIdle + dIowait + dIrq + dSoftirq + dSteal;
        if (total == 0) {
            return new CpuTimesPercent(0, 0, 0, 0, 0, 0, 0, 100);
        }
        return new CpuTimesPercent(
                Rounding.percent(dUser, total),
                Rounding.percent(dSystem, total),
                Rounding.percent(dNice, total),
                Rounding.percent(dIowait, total),
                Rounding.percent(dIrq, total),
                Rounding.percent(dSoftirq, total),
                Rounding.percent(dSteal, total),
                Rounding.percent(dIdle, total));
    }

    /**
     * These counters in seconds.
     *
     * @param cpu the logical processor they are of
     * @param ticksPerSecond the platform's tick rate
     * @return the time in each mode since boot
     */
    public CpuTimesSeconds seconds(int cpu, double ticksPerSecond) {
        return new CpuTimesSeconds(cpu, user / ticksPerSecond, nice / ticksPerSecond, system / ticksPerSecond,
                idle / ticksPerSecond, iowait / ticksPerSecond, irq / ticksPerSecond, softirq / ticksPerSecond,
                steal / ticksPerSecond);
    }
}
