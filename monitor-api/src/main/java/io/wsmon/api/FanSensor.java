package io.wsmon.api;

/**
 * One fan, part of {@link SensorsInfo}.
 *
 * @param chip the chip it belongs to, for example {@code "nct6775"}
 * @param label the fan's label, or its name such as {@code "fan1"}
 * @param rpm its speed, in revolutions per minute
 */
public record FanSensor(String chip, String label, long rpm) {}
