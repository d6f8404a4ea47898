package io.wsmon.core;

import io.wsmon.api.Alert;
import io.wsmon.api.MonitorContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@link MonitorContext} a service hands to its extensions; also for starting an extension, or an
 * {@link io.wsmon.core.alert.AlertManager}, without a service (in tests, or in a program of your own).
 *
 * @param clock the clock extensions read time from
 * @param interval the collection interval
 * @param settings the extensions' settings
 * @param activeAlertsNow what {@link #activeAlerts()} returns each time it is called
 */
public record ServiceContext(Clock clock, Duration interval, Map<String, String> settings,
        Supplier<List<Alert>> activeAlertsNow) implements MonitorContext {

    /** Copies the settings so the record stays immutable. */
    public ServiceContext {
        settings = Map.copyOf(settings);
        Objects.requireNonNull(activeAlertsNow, "activeAlertsNow");
    }

    /**
     * A context without an alert engine: {@link #activeAlerts()} is always empty.
     *
     * @param clock the clock extensions read time from
     * @param interval the collection interval
     * @param settings the extensions' settings
     */
    public ServiceContext(Clock clock, Duration interval, Map<String, String> settings) {
        this(clock, interval, settings, List::of);
    }

    /**
     * @return a context with the system clock in the default zone, the default interval and no settings
     */
    public static ServiceContext defaults() {
        return new ServiceContext(Clock.systemDefaultZone(), MonitoringServiceBuilder.DEFAULT_INTERVAL, Map.of());
    }

    @Override
    public List<Alert> activeAlerts() {
        return activeAlertsNow.get();
    }
}
