package io.wsmon.api;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the service hands to a {@link Monitor}, {@link Exporter} or {@link AlertHandler} at start. */
public interface MonitorContext {

    /**
     * The service's clock. Use it, not {@code System.currentTimeMillis()}, so tests can control time.
     *
     * @return the clock
     */
    Clock clock();

    /**
     * The collection interval.
     *
     * @return the time between two ticks
     */
    Duration interval();

    /**
     * Free-form settings given to the service (builder {@code setting(key, value)}, or the server's
     * configuration), for extensions to read their own options. Keys are lower case with underscores,
     * prefixed by the extension's name, for example {@code gpu.nvidia_smi}.
     *
     * @return an unmodifiable map of all settings
     */
    Map<String, String> settings();

    /**
     * One setting.
     *
     * @param key the setting's key
     * @return its value, or empty when not set
     */
    default Optional<String> setting(String key) {
        return Optional.ofNullable(settings().get(key));
    }

    /**
     * The alert conditions above a threshold now, one alert each (what {@code get_alerts} calls
     * {@code active}), for an exporter that exports them; a snapshot carries only the alerts raised at its
     * tick. Read it when exporting, not at start: it changes from tick to tick.
     *
     * @return the active alerts; empty where no alert engine runs
     */
    default List<Alert> activeAlerts() {
        return List.of();
    }
}
