package io.wsmon.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CounterRateTest {

    @Test
    void perSecond_counterWentBackwards_isZero() {
        assertThat(CounterRate.perSecond(1000, 10, 1.0)).isZero();
    }

    @Test
    void perSecond_noEarlierReading_isZero() {
        assertThat(CounterRate.perSecond(0, 1000, 0.0)).isZero();
    }

    @Test
    void perSecond_increase_isDividedByTheTime() {
        assertThat(CounterRate.perSecond(1000, 2000, 0.5)).isEqualTo(2000.0);
    }

    @Test
    void busyPercent_moreThanTheElapsedTime_isCappedAt100() {
        assertThat(CounterRate.busyPercent(0, 600, 0.5)).isEqualTo(100.0);
        assertThat(CounterRate.busyPercent(0, 250, 1.0)).isEqualTo(25.0);
    }
}
