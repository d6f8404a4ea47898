package io.wsmon.api;

/**
 * The {@code memory} section: physical memory, plus swap.
 *
 * @param total installed memory in bytes
 * @param available memory available to new programs without swapping, in bytes
 * @param used {@code total - available}, in bytes
 * @param percentage {@code used / total}, in percent (0–100)
 * @param swap swap space; {@code null} where the platform does not tell
 */
public record MemoryInfo(long total, long available, long used, double percentage, SwapInfo swap) {}
