package io.wsmon.core.collect.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.wsmon.core.collect.HostFacts;
import io.wsmon.core.collect.OshiHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxHostFactsTest {

    private static final String TWO_CORES_FOUR_THREADS = """
            processor	: 0
            model name	: Intel(R) Xeon(R) CPU @ 2.20GHz
            physical id	: 0
            core id		: 0

            processor	: 1
            model name	: Intel(R) Xeon(R) CPU @ 2.20GHz
            physical id	: 0
            core id		: 1

            processor	: 2
            model name	: Intel(R) Xeon(R) CPU @ 2.20GHz
            physical id	: 0
            core id		: 0

            processor	: 3
            model name	: Intel(R) Xeon(R) CPU @ 2.20GHz
            physical id	: 0
            core id		: 1
            """;

    @TempDir
    Path root;

    private Path write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    @Test
    void read_procAndSys_giveEveryFact() throws IOException {
        write("proc/cpuinfo", TWO_CORES_FOUR_THREADS);
        write("proc/stat", "cpu  1 2 3 4\nbtime 1767427200\nprocesses 99\n");
        write("proc/sys/kernel/version", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1\n");
        write("proc/sys/kernel/hostname", "host-1\n");
        write("proc/sys/kernel/domainname", "(none)\n");
        write("proc/sys/kernel/arch", "x86_64\n");
        write("sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq", "3700000\n");

        HostFacts facts = LinuxHostFacts.read(root.resolve("proc"), root.resolve("sys")).orElseThrow();

        assertThat(facts.processorName()).isEqualTo("Intel(R) Xeon(R) CPU @ 2.20GHz");
        assertThat(facts.logicalProcessors()).isEqualTo(4);
        assertThat(facts.physicalCores()).isEqualTo(2);
        assertThat(facts.maxFrequencyMhz()).isEqualTo(3700.0);
        assertThat(facts.hostname()).isEqualTo("host-1");
        assertThat(facts.domainname()).isEqualTo("(none)");
        assertThat(facts.osVersion()).isEqualTo("#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1");
        assertThat(facts.machine()).isEqualTo("x86_64");
        assertThat(facts.bootTime()).isEqualTo(Instant.ofEpochSecond(1767427200));
    }

    @Test
    void read_withoutCpufreq_takesTheModelNamesFrequency() throws IOException {
        write("proc/cpuinfo", TWO_CORES_FOUR_THREADS);
        write("proc/stat", "btime 1767427200\n");

        Optional<HostFacts> facts = LinuxHostFacts.read(root.resolve("proc"), root.resolve("sys"));

        assertThat(facts).get().extracting(HostFacts::maxFrequencyMhz).isEqualTo(2200.0);
    }

    @Test
    void read_withoutCpufreqNorFrequencyInTheModelName_leavesTheMaximumUnknown() throws IOException {
        write("proc/cpuinfo", TWO_CORES_FOUR_THREADS.replace("Intel(R) Xeon(R) CPU @ 2.20GHz", "AMD EPYC"));
        write("proc/stat", "btime 1767427200\n");

        Optional<HostFacts> facts = LinuxHostFacts.read(root.resolve("proc"), root.resolve("sys"));

        assertThat(facts).get().extracting(HostFacts::maxFrequencyMhz).isNull();
    }

    @Test
    void read_cpuinfoWithoutModelOrCores_givesUpForOshi() throws IOException {
        write("proc/cpuinfo", "processor : 0\nBogoMIPS : 50.00\nCPU part : 0xd08\n");
        write("proc/stat", "btime 1767427200\n");

        assertThat(LinuxHostFacts.read(root.resolve("proc"), root.resolve("sys"))).isEmpty();
    }

    @Test
    void read_onThisMachine_agreesWithOshi() {
        assumeThat(LinuxHostProbe.isSupported()).as("needs Linux /proc").isTrue();
        Optional<HostFacts> linux = LinuxHostFacts.read();
        assumeThat(linux).as("this processor's /proc/cpuinfo lacks a model name or core ids").isPresent();
        HostFacts oshi = new OshiHost().readFacts();

        assertThat(linux.get().processorName()).isEqualTo(oshi.processorName());
        assertThat(linux.get().logicalProcessors()).isEqualTo(oshi.logicalProcessors());
        assertThat(linux.get().physicalCores()).isEqualTo(oshi.physicalCores());
        assertThat(linux.get().hostname()).isEqualTo(oshi.hostname());
        assertThat(Duration.between(linux.get().bootTime(), oshi.bootTime()).abs()).isLessThan(Duration.ofSeconds(3));
    }
}
