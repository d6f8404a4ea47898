package io.wsmon.api;

/**
 * Time one logical processor spent in each mode since boot, part of {@link ProcessorInfo}: the counters
 * of {@code /proc/stat} in seconds (node_exporter's {@code node_cpu_seconds_total}). Guest time is counted in
 * {@code user} and {@code nice}, as the kernel does.
 *
 * @param cpu the logical processor's number, as the operating system numbers it ({@code cpu3} is 3)
 * @param user running user code, in seconds
 * @param nice running user code at a lowered priority, in seconds
 * @param system running kernel code, in seconds
 * @param idle idle, in seconds
 * @param iowait idle while some I/O was outstanding, in seconds
 * @param irq serving hardware interrupts, in seconds
 * @param softirq serving software interrupts, in seconds
 * @param steal taken by the hypervisor for other guests, in seconds
 */
public record CpuTimesSeconds(
        int cpu, double user, double nice, double system, double idle, double iowait, double irq, double softirq,
        double steal) {}
