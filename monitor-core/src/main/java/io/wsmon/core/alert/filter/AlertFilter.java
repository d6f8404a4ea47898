package io.wsmon.core.alert.filter;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertLevel;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

/**
 * Decides whether a handler receives an alert. A handler with several filters receives an alert only when
 * every filter accepts it. Filters run on the handler's delivery thread, never on the collection thread.
 */
@FunctionalInterface
public interface AlertFilter {

    /**
     * @param alert an alert about to be delivered
     * @return true to deliver it
     */
    boolean accepts(Alert alert);

    /**
     * Accepts alerts at a level or above, as the seed's {@code create_level_filter}.
     *
     * @param minimum the least serious level delivered
     * @return the filter
     */
    static AlertFilter minimumLevel(AlertLevel minimum) {
        return new MinimumLevelFilter(minimum);
    }

    /**
     * Accepts alerts of some components only, as the seed's {@code create_component_filter}.
     *
     * @param components for example {@code "memory", "disk"}
     * @return the filter
     * @throws IllegalArgumentException when no component is given or one is blank
     */
    static AlertFilter components(String... components) {
        return new ComponentFilter(List.of(components));
    }

    /**
     * Accepts alerts of some components only.
     *
     * @param components for example {@code List.of("memory", "disk")}
     * @return the filter
     * @throws IllegalArgumentException when no component is given or one is blank
     */
    static AlertFilter components(Collection<String> components) {
        return new ComponentFilter(components);
    }

    /**
     * Accepts alerts only between two times of day in a time zone, as the seed's {@code create_time_filter}.
     * When {@code end} is before {@code start} the window crosses midnight (22:00–06:00 is the night).
     *
     * @param start first accepted time of day, inclusive
     * @param end first refused time of day, exclusive
     * @param zone the zone the times are in, for example {@code ZoneId.of("Europe/Paris")}
     * @return the filter, reading the system clock
     * @throws IllegalArgumentException when start equals end (an empty window)
     */
    static AlertFilter timeWindow(LocalTime start, LocalTime end, ZoneId zone) {
        return new TimeWindowFilter(start, end, zone, Clock.system(zone));
    }

    /**
     * Accepts alerts only between two whole hours in a named time zone, as the seed's
     * {@code create_time_filter(start_hour=9, end_hour=18, timezone="Europe/Paris")}.
     *
     * @param startHour first accepted hour, 0–23
     * @param endHour first refused hour, 0–24; below {@code startHour} the window crosses midnight
     * @param zone a time zone name, for example {@code "Europe/Paris"}
     * @param clock the clock giving the current time, for example the service's clock
     * @return the filter
     * @throws IllegalArgumentException naming an hour out of range, an unknown zone, or an empty window
     */
    static AlertFilter hours(int startHour, int endHour, String zone, Clock clock) {
        return TimeWindowFilter.hours(startHour, endHour, zone, clock);
    }
}
