package io.wsmon.core.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemoryTrendTest {

    private static final Instant T0 = Instant.parse("2026-01-03T10:00:00Z");
    private static final long MB = 1024 * 1024;

    private final MemoryTrend trend = new MemoryTrend(Duration.ofHours(1), Duration.ofMinutes(1),
            Duration.ofMinutes(15), 50.0 * MB);

    @Test
    void growthPerHour_steadyClimb_isTheSlope() {
        for (int minute = 0; minute <= 30; minute++) {
            trend.offer(T0.plus(Duration.ofMinutes(minute)), 100 * MB + minute * 2 * MB); // 120 MB per hour
        }

        assertThat(trend.growthPerHour().getAsDouble()).isCloseTo(120.0 * MB, org.assertj.core.data.Offset.offset(1.0));
        assertThat(trend.leakSuspected()).isTrue();
    }

    @Test
    void growthPerHour_sawToothAroundAFlatLine_isNoLeak() {
        for (int minute = 0; minute <= 60; minute++) {
            trend.offer(T0.plus(Duration.ofMinutes(minute)), (minute % 2 == 0 ? 100 : 180) * MB);
        }

        assertThat(Math.abs(trend.growthPerHour().getAsDouble())).isLessThan(5.0 * MB);
        assertThat(trend.leakSuspected()).isFalse();
    }

    @Test
    void growthPerHour_beforeTheMinimumSpan_isUnknown() {
        for (int minute = 0; minute < 10; minute++) {
            trend.offer(T0.plus(Duration.ofMinutes(minute)), minute * 100 * MB);
        }

        assertThat(trend.growthPerHour()).isEmpty();
        assertThat(trend.leakSuspected()).isFalse();
    }

    @Test
    void offer_moreOftenThanTheSampleInterval_keepsOneSample() {
        for (int second = 0; second < 120; second++) {
            trend.offer(T0.plusSeconds(second), second * MB);
        }
        for (int minute = 2; minute <= 20; minute++) {
            trend.offer(T0.plus(Duration.ofMinutes(minute)), 0);
        }

        // the first two minutes gave two samples (0 and 60 MB), not 120: the line is nearly flat
        assertThat(trend.growthPerHour().getAsDouble()).isLessThan(0);
    }

    @Test
    void offer_olderThanTheWindow_isForgotten() {
        for (int minute = 0; minute <= 30; minute++) {
            trend.offer(T0.plus(Duration.ofMinutes(minute)), minute * 10 * MB); // a steep start
        }
        for (int minute = 31; minute <= 120; minute++) {
            trend.offer(T0.plus(Duration.ofMinutes(minute)), 300 * MB); // then flat for 90 minutes
        }

        assertThat(trend.growthPerHour().getAsDouble()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void constructor_minimumSpanBeyondTheWindow_isRejected() {
        assertThatThrownBy(() -> new MemoryTrend(Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(20), 1))
                .hasMessage("leak check: minimum span PT20M exceeds the window PT10M");
    }

    @Test
    void over_aShorterWindow_fitsOnlyItsSamples() {
        for (int minute = 0; minute <= 40; minute++) {
            long mb = minute <= 30 ? 100 : 100 + (minute - 30) * 6; // flat, then 360 MB per hour for 10 minutes
            trend.offer(T0.plus(Duration.ofMinutes(minute)), mb * MB);
        }
        Instant now = T0.plus(Duration.ofMinutes(40));

        HeapTrend lastTen = trend.over(Duration.ofMinutes(10), now).orElseThrow();
        HeapTrend lastHour = trend.over(Duration.ofHours(1), now).orElseThrow();

        assertThat(lastTen.samples()).isEqualTo(11);
        assertThat(lastTen.covered()).isEqualTo(Duration.ofMinutes(10));
        assertThat(lastTen.growthBytesPerHour()).isCloseTo(360.0 * MB, org.assertj.core.data.Offset.offset(1.0));
        assertThat(lastTen.averageBytes()).isCloseTo(130.0 * MB, org.assertj.core.data.Offset.offset(1.0));
        assertThat(lastHour.samples()).isEqualTo(41);
        assertThat(lastHour.growthBytesPerHour()).isLessThan(lastTen.growthBytesPerHour());
    }

    @Test
    void over_fewerThanTwoSamples_isEmpty() {
        trend.offer(T0, 100 * MB);

        assertThat(trend.over(Duration.ofMinutes(5), T0.plusSeconds(10))).isEmpty();
    }

    @Test
    void over_longerThanTheWindow_isRejected() {
        assertThatThrownBy(() -> trend.over(Duration.ofMinutes(61), T0))
                .hasMessage("window: must be above 0 and at most the leak window 1h (jvm.leak_window), got 61m");
    }
}
