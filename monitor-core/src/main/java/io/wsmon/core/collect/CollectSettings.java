package io.wsmon.core.collect;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The settings of the built-in monitors ({@code MonitoringServiceBuilder.setting(key, value)}, or a key of
 * the server's configuration), each checked with a message that names the key and the bad value.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code monitors.disable}</td><td>monitor names to leave out, comma-separated</td><td>none</td></tr>
 *   <tr><td>{@code processes.top}</td><td>processes listed in {@code top_cpu} and {@code top_memory}, 1 to
 *       100</td><td>10</td></tr>
 *   <tr><td>{@code processes.interval}</td><td>seconds between two scans of the process table, 0.1 to
 *       3600; between scans the section repeats the last one</td><td>5</td></tr>
 * </table>
 */
public final class CollectSettings {

    /** Key of the monitor names to leave out. */
    public static final String MONITORS_DISABLE = "monitors.disable";
    /** Key of the number of processes in each top list. */
    public static final String PROCESSES_TOP = "processes.top";
    /** Key of the time between two process scans, in seconds. */
    public static final String PROCESSES_INTERVAL = "processes.interval";
    /** Processes in each top list unless set. */
    public static final int DEFAULT_PROCESSES_TOP = 10;
    /** Seconds between two process scans unless set. */
    public static final double DEFAULT_PROCESSES_INTERVAL = 5.0;

    private static final int MAX_PROCESSES_TOP = 100;

    private CollectSettings() {}

    /**
     * Checks a setting when it is one of these keys; other keys pass.
     *
     * @param key the key
     * @param value its value
     * @throws IllegalArgumentException naming the key and the bad value
     */
    public static void check(String key, String value) {
        Map<String, String> one = Map.of(key, value);
        switch (key) {
            case PROCESSES_TOP -> processesTop(one);
            case PROCESSES_INTERVAL -> processesIntervalSeconds(one);
            case MONITORS_DISABLE -> disabledMonitors(one);
            default -> { }
        }
    }

    /**
     * @param settings the service's settings
     * @return the monitor names of {@code monitors.disable}, empty when unset
     */
    public static List<String> disabledMonitors(Map<String, String> settings) {
        String value = settings.get(MONITORS_DISABLE);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }

    /**
     * @param settings the service's settings
     * @return {@code processes.top}, or its default
     * @throws IllegalArgumentException when the value is not a whole number from 1 to 100
     */
    public static int processesTop(Map<String, String> settings) {
        String value = settings.get(PROCESSES_TOP);
        if (value == null) {
            return DEFAULT_PROCESSES_TOP;
        }
        try {
            int top = Integer.parseInt(value.trim());
            if (top >= 1 && top <= MAX_PROCESSES_TOP) {
                return top;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(PROCESSES_TOP + ": must be a whole number from 1 to " + MAX_PROCESSES_TOP
                + ", got '" + value + "'");
    }

    /**
     * @param settings the service's settings
     * @return {@code processes.interval} in seconds, or its default
     * @throws IllegalArgumentException when the value is not a number from 0.1 to 3600
     */
    public static double processesIntervalSeconds(Map<String, String> settings) {
        String value = settings.get(PROCESSES_INTERVAL);
        if (value == null) {
            return DEFAULT_PROCESSES_INTERVAL;
        }
        try {
            double seconds = Double.parseDouble(value.trim());
            if (seconds >= 0.1 && seconds <= 3600) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(PROCESSES_INTERVAL + ": must be a number of seconds from 0.1 to 3600, got '"
                + value + "'");
    }
}
