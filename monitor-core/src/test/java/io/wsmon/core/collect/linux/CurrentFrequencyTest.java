package io.wsmon.core.collect.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurrentFrequencyTest {

    private static final String CPUINFO = "processor\t: 0\ncpu MHz\t\t: 1000.000\n\nprocessor\t: 1\ncpu MHz\t\t: 1200.000\n\n";

    @TempDir
    Path root;

    @Test
    void mhz_withCpufreq_averagesEachProcessorsScalingFrequency_notCpuinfo() throws IOException {
        cpuinfo();
        scaling(0, "2400000\n");
        scaling(1, "3000000\n");

        assertThat(new CurrentFrequency(root.resolve("proc"), root.resolve("sys")).mhz()).hasValue(2700.0);
    }

    @Test
    void mhz_withoutCpufreq_averagesTheCpuinfoLines() throws IOException {
        cpuinfo();
        Files.createDirectories(root.resolve("sys/devices/system/cpu/cpu0"));

        assertThat(new CurrentFrequency(root.resolve("proc"), root.resolve("sys")).mhz()).hasValue(1100.0);
    }

    @Test
    void mhz_withoutSys_readsCpuinfo() throws IOException {
        cpuinfo();

        assertThat(new CurrentFrequency(root.resolve("proc"), root.resolve("sys")).mhz()).hasValue(1100.0);
    }

    @Test
    void mhz_readAgain_seesTheNewFrequency() throws IOException {
        cpuinfo();
        scaling(0, "2400000\n");
        CurrentFrequency frequency = new CurrentFrequency(root.resolve("proc"), root.resolve("sys"));
        assertThat(frequency.mhz()).hasValue(2400.0);

        scaling(0, "1800500\n");

        assertThat(frequency.mhz()).hasValue(1800.5);
    }

    private void cpuinfo() throws IOException {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/cpuinfo"), CPUINFO);
    }

    private void scaling(int cpu, String khz) throws IOException {
        Path dir = Files.createDirectories(root.resolve("sys/devices/system/cpu/cpu" + cpu + "/cpufreq"));
        Files.writeString(dir.resolve("scaling_cur_freq"), khz);
    }
}
