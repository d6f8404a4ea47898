package io.wsmon.core;

import io.wsmon.api.MonitorContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The {@link MonitorContext} a service hands to its extensions; also for starting an extension, or an
 * {@link io.wsmon.core.alert.AlertManager}, without a service (in tests, or in a program of your own).
 *
 * @param clock the clock extensions read time from
 * @param interval the collection interval
 * @param settings the extensions' settings
 */
public record ServiceContext(Clock clock, Duration interval, Map<String, String> settings) implements MonitorContext {

    /** Copies the settings so the record stays immutable. */
    public ServiceContext {
        settings = Map.copyOf(settings);
    }

    /**
     * @return a context with the system clock in the default zone, the default interval and no settings
     */
    public static ServiceContext defaults() {
        return new ServiceContext(Clock.systemDefaultZone(), MonitoringServiceBuilder.DEFAULT_INTERVAL, Map.of());
    }
}
