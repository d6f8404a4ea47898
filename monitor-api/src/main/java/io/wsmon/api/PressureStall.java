package io.wsmon.api;

/**
 * The stall figures of one resource, part of {@link PressureInfo}.
 *
 * @param some time in which at least one task waited
 * @param full time in which every non-idle task waited at once; {@code null} for the processor, where
 *     the host-wide figure means nothing
 */
public record PressureStall(PressureAverages some, PressureAverages full) {}
