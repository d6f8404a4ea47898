package io.wsmon.core.alert.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.core.alert.TestAlerts;
import io.wsmon.core.time.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeWindowFilterTest {

    /** 2026-01-03 00:00 in Paris (UTC+1 in winter). */
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-02T23:00:00Z"), ZoneOffset.UTC);

    /** Whether a window of whole hours in Paris accepts an alert at a Paris time of day on 2026-01-03. */
    private static boolean acceptsAtParisTime(int startHour, int endHour, String localTime) {
        Instant instant = LocalDate.of(2026, 1, 3).atTime(LocalTime.parse(localTime)).atZone(ZoneId.of("Europe/Paris"))
                .toInstant();
        return AlertFilter.hours(startHour, endHour, "Europe/Paris", Clock.fixed(instant, ZoneOffset.UTC))
                .accepts(TestAlerts.memoryWarning());
    }

    @Test
    void hours_officeHoursInParis_acceptInsideAndRefuseOutside() {
        assertThat(acceptsAtParisTime(9, 18, "08:59:59")).isFalse();
        assertThat(acceptsAtParisTime(9, 18, "09:00")).isTrue();
        assertThat(acceptsAtParisTime(9, 18, "17:59:59")).isTrue();
        assertThat(acceptsAtParisTime(9, 18, "18:00")).isFalse();
    }

    @Test
    void hours_windowCrossingMidnight_acceptsLateEveningAndEarlyMorning() {
        assertThat(acceptsAtParisTime(22, 6, "21:59")).isFalse();
        assertThat(acceptsAtParisTime(22, 6, "22:00")).isTrue();
        assertThat(acceptsAtParisTime(22, 6, "23:59:59")).isTrue();
        assertThat(acceptsAtParisTime(22, 6, "00:00")).isTrue();
        assertThat(acceptsAtParisTime(22, 6, "05:59")).isTrue();
        assertThat(acceptsAtParisTime(22, 6, "06:00")).isFalse();
        assertThat(acceptsAtParisTime(22, 6, "12:00")).isFalse();
    }

    @Test
    void accepts_manualClockAdvancing_followsTheClockInTheNamedZone() {
        AlertFilter filter = AlertFilter.hours(22, 6, "Europe/Paris", clock);

        // The clock starts at 00:00 Paris time, which is 23:00 UTC: inside the night window.
        assertThat(filter.accepts(TestAlerts.memoryWarning())).isTrue();
        clock.advance(Duration.ofHours(6));
        assertThat(filter.accepts(TestAlerts.memoryWarning())).isFalse();
        clock.advance(Duration.ofHours(16));
        assertThat(filter.accepts(TestAlerts.memoryWarning())).isTrue();
    }

    @Test
    void accepts_sameInstantInAnotherZone_decidesByTheFiltersZone() {
        AlertFilter paris = AlertFilter.hours(9, 18, "Europe/Paris", clock);
        AlertFilter newYork = AlertFilter.hours(9, 18, "America/New_York", clock);
        clock.advance(Duration.ofHours(10));

        // 10:00 in Paris is 04:00 in New York.
        assertThat(paris.accepts(TestAlerts.memoryWarning())).isTrue();
        assertThat(newYork.accepts(TestAlerts.memoryWarning())).isFalse();
    }

    @Test
    void timeWindow_minutes_areHonoured() {
        TimeWindowFilter filter = new TimeWindowFilter(LocalTime.of(0, 30), LocalTime.of(1, 0), ZoneId.of("Europe/Paris"), clock);

        assertThat(filter.accepts(TestAlerts.memoryWarning())).isFalse();
        clock.advance(Duration.ofMinutes(30));
        assertThat(filter.accepts(TestAlerts.memoryWarning())).isTrue();
    }

    @Test
    void hours_endHour24_meansMidnight() {
        assertThat(acceptsAtParisTime(18, 24, "23:59")).isTrue();
        assertThat(acceptsAtParisTime(18, 24, "00:00")).isFalse();
    }

    @Test
    void hours_unknownZone_isRejectedNamingIt() {
        assertThatThrownBy(() -> AlertFilter.hours(9, 18, "Europe/Pariss", clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("time window zone 'Europe/Pariss' is not a known time zone");
    }

    @Test
    void hours_startHourOutOfRange_isRejected() {
        assertThatThrownBy(() -> AlertFilter.hours(24, 6, "UTC", clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time window startHour must be 0–23, got 24");
    }

    @Test
    void hours_endHourOutOfRange_isRejected() {
        assertThatThrownBy(() -> AlertFilter.hours(9, 25, "UTC", clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time window endHour must be 0–24, got 25");
    }

    @Test
    void hours_sameStartAndEnd_isRejectedAsEmpty() {
        assertThatThrownBy(() -> AlertFilter.hours(9, 9, "UTC", clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time window start and end are both 09:00: the window would be empty "
                        + "(leave the filter out to accept alerts at any time)");
    }

    @Test
    void hours_wholeDay_isRejected() {
        assertThatThrownBy(() -> AlertFilter.hours(0, 24, "UTC", clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time window 0–24 covers the whole day: leave the filter out instead");
    }
}
