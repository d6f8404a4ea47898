package io.wsmon.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NominalFrequencyTest {

    @Test
    void ofModelName_intelGigahertz_givesMegahertz() {
        assertThat(NominalFrequency.ofModelName("Intel(R) Xeon(R) CPU E5-2650 v4 @ 2.20GHz")).isEqualTo(2200.0);
    }

    @Test
    void ofModelName_megahertz_isKept() {
        assertThat(NominalFrequency.ofModelName("Pentium III 800 MHz")).isEqualTo(800.0);
    }

    @Test
    void ofModelName_noFrequency_isUnknown() {
        assertThat(NominalFrequency.ofModelName("AMD EPYC 7B13")).isNull();
        assertThat(NominalFrequency.ofModelName(null)).isNull();
    }
}
