package io.wsmon.core.collect.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.CpuTimesSeconds;
import io.wsmon.api.MemoryInfo;
import io.wsmon.core.collect.CpuTicks;
import io.wsmon.core.collect.CpuTime;
import io.wsmon.core.collect.InterfaceCounters;
import org.junit.jupiter.api.Test;

class ProcParsersTest {

    private static final String STAT = """
            cpu  100 5 50 800 40 3 2 0 0 0
            cpu0 60 2 30 390 20 2 1 0 0 0
            cpu2 40 3 20 410 20 1 1 7 0 0
            intr 12345 0 0
            ctxt 999
            """;

    @Test
    void cpuTicks_sumsTheFirstEightFields_andCountsIowaitAsIdle() {
        CpuTicks ticks = ProcParsers.cpuTicks(ProcText.of(STAT));

        assertThat(ticks.all()).isEqualTo(new CpuTime(840, 1000));
        assertThat(ticks.perCore()).containsExactly(new CpuTime(410, 505), new CpuTime(430, 502));
    }

    @Test
    void cpuTicks_perCoreModes_areSecondsOfTheNumberedProcessor() {
        CpuTicks ticks = ProcParsers.cpuTicks(ProcText.of(STAT));

        assertThat(ticks.perCoreSeconds()).containsExactly(
                new CpuTimesSeconds(0, 0.6, 0.02, 0.3, 3.9, 0.2, 0.02, 0.01, 0.0),
                new CpuTimesSeconds(2, 0.4, 0.03, 0.2, 4.1, 0.2, 0.01, 0.01, 0.07));
    }

    @Test
    void cpuTicks_procsLines_runnableAndBlockedThreads() {
        CpuTicks ticks = ProcParsers.cpuTicks(ProcText.of(STAT + "btime 1767427200\nprocesses 4242\n"
                + "procs_running 12\nprocs_blocked 3\nsoftirq 1 2 3\n"));

        assertThat(ticks.tasksRunning()).isEqualTo(12);
        assertThat(ticks.tasksBlocked()).isEqualTo(3);
    }

    @Test
    void cpuTicks_withoutProcsLines_unknown() {
        CpuTicks ticks = ProcParsers.cpuTicks(ProcText.of(STAT));

        assertThat(ticks.tasksRunning()).isNull();
        assertThat(ticks.tasksBlocked()).isNull();
    }

    @Test
    void cpuTicks_withoutTheCpuLine_isRejected() {
        assertThatThrownBy(() -> ProcParsers.cpuTicks(ProcText.of("intr 1\n"))).hasMessageContaining("no 'cpu' line");
    }

    @Test
    void memory_usesMemAvailable_andSwap() {
        MemoryInfo memory = ProcParsers.memory(ProcText.of("""
                MemTotal:       16000000 kB
                MemFree:         1000000 kB
                MemAvailable:    4000000 kB
                Buffers:          100000 kB
                Cached:          2000000 kB
                SwapTotal:       2000000 kB
                SwapFree:        1500000 kB
                """));

        assertThat(memory.total()).isEqualTo(16_000_000L * 1024);
        assertThat(memory.available()).isEqualTo(4_000_000L * 1024);
        assertThat(memory.used()).isEqualTo(12_000_000L * 1024);
        assertThat(memory.percentage()).isEqualTo(75.0);
        assertThat(memory.swap().used()).isEqualTo(500_000L * 1024);
        assertThat(memory.swap().percentage()).isEqualTo(25.0);
    }

    @Test
    void memory_onOldKernelsWithoutMemAvailable_estimatesIt() {
        MemoryInfo memory = ProcParsers.memory(ProcText.of("""
                MemTotal: 1000 kB
                MemFree: 100 kB
                Buffers: 50 kB
                Cached: 250 kB
                """));

        assertThat(memory.available()).isEqualTo(400L * 1024);
        assertThat(memory.swap().percentage()).isZero();
    }

    @Test
    void loadAverage_readsTheFirstThreeFields() {
        assertThat(ProcParsers.loadAverage(ProcText.of("1.34 0.60 0.24 6/108 6362\n"))).containsExactly(1.34, 0.60, 0.24);
    }

    @Test
    void currentFrequency_isTheMeanOfTheCpuMhzLines() {
        String cpuinfo = "processor : 0\ncpu MHz\t\t: 2100.000\nprocessor : 1\ncpu MHz\t\t: 2300.500\n";
        assertThat(ProcParsers.currentFrequencyMhz(ProcText.of(cpuinfo))).hasValue(2200.3);
        assertThat(ProcParsers.currentFrequencyMhz(ProcText.of("processor : 0\n"))).isEmpty();
    }

    @Test
    void networkCounters_readReceivedAndSentBytes_andLeaveLoopbackOut() {
        String netdev = """
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo: 5000      50    0    0    0     0          0         0     5000      50    0    0    0     0       0          0
                  eth0: 123456   100    0    0    0     0          0         0    654321   90    0    0    0     0       0          0
                """;

        assertThat(ProcParsers.networkCounters(ProcText.of(netdev))).containsExactly(new InterfaceCounters("eth0", 654321, 123456));
    }

    @Test
    void residentBytes_readsVmRss() {
        assertThat(ProcParsers.residentBytes(ProcText.of("Name:\tjava\nVmRSS:\t  204800 kB\nThreads: 20\n"))).isEqualTo(204800L * 1024);
        assertThat(ProcParsers.residentBytes(ProcText.of("Name:\tkthreadd\n"))).isEqualTo(-1);
    }

    @Test
    void tcpConnections_countsTheProcessesInodes_butNotListeningSockets() {
        String table = """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 111 1 0000000000000000 100 0 0 10 0
                   1: 0100007F:1F90 0100007F:A1B2 01 00000000:00000000 00:00000000 00000000  1000        0 222 1 0000000000000000 20 4 30 10 -1
                   2: 0100007F:A1B2 0100007F:1F90 01 00000000:00000000 00:00000000 00000000  1000        0 333 1 0000000000000000 20 4 30 10 -1
                   3: 0100007F:C000 0100007F:0050 06 00000000:00000000 03:00000F2A 00000000     0        0 0 3 0000000000000000
                   4: 0A00020F:0016 0A000201:D3C4 01 00000000:00000000 02:0004D8B1 00000000     0        0 444 4 0000000000000000 20 4 31 10 -1
                """;
        long[] ours = {111, 222, 333, 999};

        // 111 listens, 444 belongs to another process, the TIME_WAIT entry (06) has no inode
        assertThat(ProcParsers.tcpConnections(ProcText.of(table), ours, ours.length)).isEqualTo(2);
        assertThat(ProcParsers.tcpConnections(ProcText.of(table), ours, 0)).isZero();
    }
}
