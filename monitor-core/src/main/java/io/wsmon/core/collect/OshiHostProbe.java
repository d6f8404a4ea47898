package io.wsmon.core.collect;

import io.wsmon.api.CpuTimesSeconds;
import io.wsmon.api.MemoryInfo;
import io.wsmon.api.SwapInfo;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.hardware.GlobalMemory;
import oshi.hardware.NetworkIF;
import oshi.hardware.VirtualMemory;
import oshi.software.os.OSProcess;

/**
 * {@link HostProbe} through OSHI, for platforms without {@code /proc}. OSHI caches some readings for
 * 300 ms, so at intervals shorter than that two ticks may see the same processor times.
 */
public final class OshiHostProbe implements HostProbe {

    /** OSHI counts processor time in milliseconds on every platform. */
    private static final double MILLIS_PER_SECOND = 1000.0;

    private final CentralProcessor cpu;
    private final GlobalMemory memory;
    private final OshiHost host;

    /**
     * @param host the OSHI entry points
     */
    public OshiHostProbe(OshiHost host) {
        this.host = host;
        this.cpu = host.hardware().getProcessor();
        this.memory = host.hardware().getMemory();
    }

    /** OSHI may query WMI, sysctl or start processes, which can take long on a loaded machine. */
    @Override
    public boolean neverBlocks() {
        return false;
    }

    @Override
    public CpuTicks cpuTicks() {
        List<CpuTime> cores = new ArrayList<>();
        List<CpuTimesSeconds> coreSeconds = new ArrayList<>();
        for (long[] ticks : cpu.getProcessorCpuLoadTicks()) {
            coreSeconds.add(modes(ticks).seconds(cores.size(), MILLIS_PER_SECOND));
            cores.add(cpuTime(ticks));
        }
        long[] all = cpu.getSystemCpuLoadTicks();
        return new CpuTicks(cpuTime(all), cores, modes(all), coreSeconds, null, null);
    }

    private static CpuModeTicks modes(long[] ticks) {
        return new CpuModeTicks(
                ticks[TickType.USER.getIndex()], ticks[TickType.NICE.getIndex()], ticks[TickType.SYSTEM.getIndex()],
                ticks[TickType.IDLE.getIndex()], ticks[TickType.IOWAIT.getIndex()], ticks[TickType.IRQ.getIndex()],
                ticks[TickType.SOFTIRQ.getIndex()], ticks[TickType.STEAL.getIndex()]);
    }

    private static CpuTime cpuTime(long[] ticks) {
        long idle = ticks[TickType.IDLE.getIndex()] + ticks[TickType.IOWAIT.getIndex()];
        return new CpuTime(idle, Arrays.stream(ticks).sum());
    }

    @Override
    public OptionalDouble currentFrequencyMhz() {
        return Arrays.stream(cpu.getCurrentFreq()).filter(hz -> hz > 0).average().stream()
                .map(hz -> Rounding.oneDecimal(hz / 1e6))
                .findFirst();
    }

    @Override
    public List<Double> loadAverage() {
        double[] load = cpu.getSystemLoadAverage(3);
        if (load[0] < 0) {
            return List.of();
        }
        return List.of(load[0], load[1], load[2]);
    }

    @Override
    public MemoryInfo memory() {
        long total = memory.getTotal();
        long available = memory.getAvailable();
        VirtualMemory virtual = memory.getVirtualMemory();
        long swapTotal = virtual.getSwapTotal();
        long swapUsed = virtual.getSwapUsed();
        return new MemoryInfo(total, available, total - available, Rounding.percent(total - available, total),
                new SwapInfo(swapTotal, swapUsed, swapTotal - swapUsed, Rounding.percent(swapUsed, swapTotal)));
    }

    @Override
    public int processCount() {
        return host.os().getProcessCount();
    }

    @Override
    public List<InterfaceCounters> networkCounters() {
        List<InterfaceCounters> counters = new ArrayList<>();
        for (NetworkIF nif : host.hardware().getNetworkIFs(false)) {
            counters.add(new InterfaceCounters(nif.getName(), nif.getBytesSent(), nif.getBytesRecv()));
        }
        return counters;
    }

    @Override
    public long processResidentBytes() {
        OSProcess self = host.os().getCurrentProcess();
        return self == null ? -1 : self.getResidentMemory();
    }

    /** The JVM's own reading, as OSHI has no cheaper one. */
    @Override
    public OptionalLong processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? OptionalLong.empty() : OptionalLong.of(nanos);
        }
        return OptionalLong.empty();
    }

    /** The JVM's own count, where the platform has one. */
    @Override
    public OptionalLong processOpenFiles() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long count = unix.getOpenFileDescriptorCount();
            return count < 0 ? OptionalLong.empty() : OptionalLong.of(count);
        }
        return OptionalLong.empty();
    }

    /** Not known here: OSHI finds a connection's process by walking every process's descriptors. */
    @Override
    public OptionalInt processTcpConnections() {
        return OptionalInt.empty();
    }
}
