package io.wsmon.api;

/**
 * Swap space, part of {@link MemoryInfo}.
 *
 * @param total swap space in bytes (0 when there is none)
 * @param used swap in use, in bytes
 * @param free {@code total - used}, in bytes
 * @param percentage {@code used / total}, in percent; 0 when there is no swap
 */
public record SwapInfo(long total, long used, long free, double percentage) {}
