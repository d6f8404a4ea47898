package io.wsmon.core.alert.filter;

import io.wsmon.api.Alert;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Accepts alerts only while the clock, read in a time zone, is inside a time-of-day window. The window
 * includes {@code start} and excludes {@code end}; when {@code end} is before {@code start} it crosses
 * midnight, so 22:00–06:00 accepts from 22:00 to 05:59:59.
 *
 * @param start first accepted time of day
 * @param end first refused time of day
 * @param zone the zone the times are in
 * @param clock the clock giving the current instant
 */
public record TimeWindowFilter(LocalTime start, LocalTime end, ZoneId zone, Clock clock) implements AlertFilter {

    /**
     * Checks the window.
     *
     * @throws IllegalArgumentException when start equals end: the window would be empty
     */
    public TimeWindowFilter {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(clock, "clock");
        if (start.equals(end)) {
            throw new IllegalArgumentException("time window start and end are both " + start
                    + ": the window would be empty (leave the filter out to accept alerts at any time)");
        }
    }

    /**
     * A window of whole hours in a named zone.
     *
     * @param startHour first accepted hour, 0–23
     * @param endHour first refused hour, 0–24 (24 is midnight at the end of the day)
     * @param zoneName a time zone name, for example {@code "Europe/Paris"}
     * @param clock the clock giving the current instant
     * @return the filter
     * @throws IllegalArgumentException naming an hour out of range, an unknown zone, or an empty window
     */
    public static TimeWindowFilter hours(int startHour, int endHour, String zoneName, Clock clock) {
        if (startHour < 0 || startHour > 23) {
            throw new IllegalArgumentException("time window startHour must be 0–23, got " + startHour);
        }
        if (endHour < 0 || endHour > 24) {
            throw new IllegalArgumentException("time window endHour must be 0–24, got " + endHour);
        }
        if (startHour == 0 && endHour == 24) {
            throw new IllegalArgumentException("time window 0–24 covers the whole day: leave the filter out instead");
        }
        return new TimeWindowFilter(LocalTime.of(startHour, 0), LocalTime.of(endHour % 24, 0), zone(zoneName), clock);
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time window zone '" + name + "' is not a known time zone: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public boolean accepts(Alert alert) {
        LocalTime now = LocalTime.ofInstant(clock.instant(), zone);
        boolean afterStart = !now.isBefore(start);
        boolean beforeEnd = now.isBefore(end);
        return start.isBefore(end) ? afterStart && beforeEnd : afterStart || beforeEnd;
    }
}
