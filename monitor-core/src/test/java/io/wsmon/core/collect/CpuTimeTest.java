package io.wsmon.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuTimeTest {

    @Test
    void usagePercentSince_isTheBusyShareOfTheDelta() {
        assertThat(new CpuTime(1150, 2000).usagePercentSince(new CpuTime(1000, 1000))).isEqualTo(85.0);
    }

    @Test
    void usagePercentSince_nullMeansSinceBoot() {
        assertThat(new CpuTime(750, 1000).usagePercentSince(null)).isEqualTo(25.0);
    }

    @Test
    void usagePercentSince_noTimePassed_isZero() {
        assertThat(new CpuTime(10, 10).usagePercentSince(new CpuTime(10, 10))).isZero();
    }

    @Test
    void usagePercentSince_roundsToOneDecimal() {
        assertThat(new CpuTime(2, 3).usagePercentSince(null)).isEqualTo(33.3);
    }
}
