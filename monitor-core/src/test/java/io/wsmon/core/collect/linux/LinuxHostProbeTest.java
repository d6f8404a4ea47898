package io.wsmon.core.collect.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.wsmon.api.MemoryInfo;
import io.wsmon.core.collect.CpuTicks;
import io.wsmon.core.collect.OshiHost;
import io.wsmon.core.collect.OshiHostProbe;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /proc probe on this machine, checked against OSHI's reading of the same facts. */
class LinuxHostProbeTest {

    private final LinuxHostProbe probe = new LinuxHostProbe();

    @BeforeEach
    void linuxOnly() {
        assumeThat(LinuxHostProbe.isSupported()).as("needs Linux /proc").isTrue();
    }

    @Test
    void readings_agreeWithOshi() throws Exception {
        OshiHostProbe oshi = new OshiHostProbe(new OshiHost());

        MemoryInfo memory = probe.memory();
        CpuTicks ticks = probe.cpuTicks();

        assertThat(memory.total()).isEqualTo(oshi.memory().total());
        assertThat(ticks.perCore()).hasSize(oshi.cpuTicks().perCore().size());
        // OSHI also leaves out interfaces without a hardware address (ifb, tun); /proc lists them, as psutil does
        assertThat(probe.networkCounters()).extracting(c -> c.name())
                .containsAll(oshi.networkCounters().stream().map(c -> c.name()).toList())
                .doesNotContain("lo");
        assertThat(probe.processCount()).isCloseTo(oshi.processCount(), org.assertj.core.data.Offset.offset(20));
    }

    @Test
    void readings_repeated_areFreshEachTime() throws Exception {
        CpuTicks first = probe.cpuTicks();
        long spin = System.nanoTime() + 20_000_000;
        while (System.nanoTime() < spin) {
            Thread.onSpinWait();
        }
        CpuTicks second = probe.cpuTicks();

        assertThat(second.all().total()).isGreaterThan(first.all().total());
        assertThat(probe.processResidentBytes()).isGreaterThan(10L * 1024 * 1024);
        assertThat(probe.loadAverage()).hasSize(3);
    }

    @Test
    void processCpuNanos_growsWithTheProcessorTimeSpent() throws Exception {
        long before = probe.processCpuNanos().orElseThrow();
        long spin = System.nanoTime() + 50_000_000;
        while (System.nanoTime() < spin) {
            Thread.onSpinWait();
        }

        assertThat(probe.processCpuNanos().orElseThrow()).isGreaterThan(before);
    }

    @Test
    void processOpenFiles_agreesWithTheJdksCount() throws Exception {
        var os = (com.sun.management.UnixOperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long jdk = os.getOpenFileDescriptorCount();
        long ours = probe.processOpenFiles().orElseThrow();
        // other test threads may open or close a file between the two counts
        assertThat(ours).isCloseTo(jdk, org.assertj.core.data.Offset.offset(3L));
    }

    @Test
    void processTcpConnections_countsBothEndsOfLoopbackConnections_notTheListener() throws Exception {
        int before = probe.processTcpConnections().orElseThrow();
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                Socket a = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                Socket b = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                Socket acceptedA = listener.accept();
                Socket acceptedB = listener.accept()) {

            assertThat(probe.processTcpConnections().orElseThrow() - before).isEqualTo(4);
        }
    }
}
