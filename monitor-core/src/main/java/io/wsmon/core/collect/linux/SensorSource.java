package io.wsmon.core.collect.linux;

/**
 * One sensor file found at start, with what never changes about it.
 *
 * @param chip the chip or thermal zone type
 * @param label the sensor's label
 * @param input the file holding the current value
 * @param high the high temperature in °C, or {@code null}; unused for fans
 * @param critical the critical temperature in °C, or {@code null}; unused for fans
 */
record SensorSource(String chip, String label, ProcFile input, Double high, Double critical) {}
