package io.wsmon.core.collect;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code jvm} section's options, read from the service settings and checked like the {@code gpu.*}
 * and {@code alert.*} ones: a bad value or an unknown {@code jvm.} key is an error naming the key.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code jvm.leak_window}</td><td>seconds of live-heap history the leak check fits its line
 *       through; a number above 0 and at most 604800 (7 days)</td><td>{@code 3600}</td></tr>
 *   <tr><td>{@code jvm.leak_threshold_mb_per_hour}</td><td>growth of the live heap above which a leak is
 *       suspected, in MiB per hour; a number above 0</td><td>{@code 50}</td></tr>
 * </table>
 *
 * @param leakWindow how far back the leak check looks
 * @param leakThresholdMbPerHour growth above which a leak is suspected, in MiB per hour
 */
public record JvmSettings(Duration leakWindow, double leakThresholdMbPerHour) {

    /** Key of the leak-check window, in seconds. */
    public static final String LEAK_WINDOW = "jvm.leak_window";
    /** Key of the leak threshold, in MiB per hour. */
    public static final String LEAK_THRESHOLD = "jvm.leak_threshold_mb_per_hour";

    private static final Set<String> KEYS = Set.of(LEAK_WINDOW, LEAK_THRESHOLD);
    private static final double MAX_WINDOW_SECONDS = Duration.ofDays(7).toSeconds();

    /**
     * Reads the options; keys that do not start with {@code jvm.} are ignored.
     *
     * @param settings all settings of the service
     * @return the options, with defaults for the keys not set
     * @throws IllegalArgumentException naming the key and the bad value, when a value is invalid or a
     *     {@code jvm.} key is unknown
     */
    public static JvmSettings from(Map<String, String> settings) {
        for (String key : settings.keySet()) {
            if (key.startsWith("jvm.") && !KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown JVM setting '" + key + "'; known settings: " + String.join(", ", new TreeSet<>(KEYS)));
            }
        }
        double windowSeconds = number(settings, LEAK_WINDOW, JvmMonitor.DEFAULT_LEAK_WINDOW.toSeconds(), MAX_WINDOW_SECONDS,
                "a number of seconds above 0 and at most " + (long) MAX_WINDOW_SECONDS);
        double threshold = number(settings, LEAK_THRESHOLD, JvmMonitor.DEFAULT_LEAK_THRESHOLD_MB_PER_HOUR,
                Double.MAX_VALUE, "a number of MiB per hour above 0");
        return new JvmSettings(Duration.ofNanos(Math.round(windowSeconds * 1e9)), threshold);
    }

    private static double number(Map<String, String> settings, String key, double fallback, double max, String expected) {
        String text = settings.get(key);
        if (text == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value > 0 && value <= max)) {
            throw new IllegalArgumentException(key + ": must be " + expected + ", got '" + text + "'");
        }
        return value;
    }
}
