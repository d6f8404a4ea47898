package io.wsmon.api;

/**
 * The {@code pressure} section: Linux pressure stall information (PSI), the share of time in which tasks
 * waited for a resource. A resource the kernel does not report is {@code null}.
 *
 * @param cpu waiting for a processor
 * @param memory waiting for memory (reclaim, swap-in, thrashing)
 * @param io waiting for I/O
 */
public record PressureInfo(PressureStall cpu, PressureStall memory, PressureStall io) {}
