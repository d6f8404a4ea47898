package io.wsmon.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OshiHostTest {

    @Test
    void readFacts_onThisMachine_areFilledIn() {
        HostFacts facts = new OshiHost().readFacts();

        assertThat(facts.osName()).isEqualTo(System.getProperty("os.name"));
        assertThat(facts.logicalProcessors()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(facts.physicalCores()).isPositive();
        assertThat(facts.processorName()).isNotBlank();
        assertThat(facts.hostname()).isNotBlank();
        assertThat(facts.bootTime()).isBefore(java.time.Instant.now());
    }

    @Test
    void machine_mapsJvmArchitectureNamesToUnameOnes() {
        assertThat(HostFacts.machineOf("amd64")).isEqualTo("x86_64");
        assertThat(HostFacts.machineOf("aarch64")).isEqualTo("aarch64");
        assertThat(HostFacts.machineOf("ppc64le")).isEqualTo("ppc64le");
    }
}
