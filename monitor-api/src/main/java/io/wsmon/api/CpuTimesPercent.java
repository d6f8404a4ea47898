package io.wsmon.api;

/**
 * Where the time of all logical processors went since the previous tick, by mode, part of
 * {@link ProcessorInfo}. The modes add up to 100 (up to rounding). Guest time is counted in {@code user}
 * and {@code nice}, as the kernel does.
 *
 * @param user running user code, in percent
 * @param system running kernel code, in percent
 * @param nice running user code at a lowered priority, in percent
 * @param iowait idle while some I/O was outstanding, in percent
 * @param irq serving hardware interrupts, in percent
 * @param softirq serving software interrupts, in percent
 * @param steal taken by the hypervisor for other guests (a virtual machine's lost time), in percent
 * @param idle idle, in percent
 */
public record CpuTimesPercent(
        double user, double system, double nice, double iowait, double irq, double softirq, double steal,
        double idle) {}
