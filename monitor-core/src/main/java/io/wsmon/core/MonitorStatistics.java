package io.wsmon.core;

/**
 * How one monitor has fared since the service started.
 *
 * @param collected ticks whose section this monitor delivered
 * @param errors ticks on which {@code collect} threw
 * @param timeouts ticks on which {@code collect} had not returned by the deadline
 * @param skipped ticks on which the previous {@code collect} was still running, so none was started
 * @param failing whether the latest tick failed (error, timeout or skip)
 * @param lastError the latest failure's description; {@code null} when none
 */
public record MonitorStatistics(
        long collected, long errors, long timeouts, long skipped, boolean failing, String lastError) {}
