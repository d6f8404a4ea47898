package io.wsmon.api;

/**
 * Stall time averaged over three windows, part of {@link PressureStall}.
 *
 * @param avg10 share of the last 10 seconds, in percent (0–100)
 * @param avg60 share of the last 60 seconds, in percent
 * @param avg300 share of the last 300 seconds, in percent
 * @param totalSeconds stall time since boot, in seconds
 */
public record PressureAverages(double avg10, double avg60, double avg300, double totalSeconds) {}
