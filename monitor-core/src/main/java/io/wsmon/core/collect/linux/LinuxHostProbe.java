package io.wsmon.core.collect.linux;

import io.wsmon.api.MemoryInfo;
import io.wsmon.core.collect.CpuTicks;
import io.wsmon.core.collect.HostProbe;
import io.wsmon.core.collect.InterfaceCounters;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/** {@link HostProbe} reading {@code /proc} directly. */
public final class LinuxHostProbe implements HostProbe {

    private static final Path PROC = Path.of("/proc");

    private final ProcFile stat;
    private final ProcFile cpuinfo;
    private final ProcFile loadavg;
    private final ProcFile meminfo;
    private final ProcFile netdev;
    private final ProcFile status;
    private final Path proc;

    /** Reads the real {@code /proc}. */
    public LinuxHostProbe() {
        this(PROC);
    }

    LinuxHostProbe(Path proc) {
        this.stat = new ProcFile(proc.resolve("stat"));
        this.cpuinfo = new ProcFile(proc.resolve("cpuinfo"));
        this.loadavg = new ProcFile(proc.resolve("loadavg"));
        this.meminfo = new ProcFile(proc.resolve("meminfo"));
        this.netdev = new ProcFile(proc.resolve("net/dev"));
        this.status = new ProcFile(proc.resolve("self/status"));
        this.proc = proc;
    }

    /**
     * Whether this machine has the files this probe reads.
     *
     * @return true on Linux with {@code /proc} mounted
     */
    public static boolean isSupported() {
        return Files.isReadable(PROC.resolve("stat")) && Files.isReadable(PROC.resolve("meminfo"));
    }

    @Override
    public CpuTicks cpuTicks() throws IOException {
        return ProcParsers.cpuTicks(stat.read());
    }

    @Override
    public OptionalDouble currentFrequencyMhz() throws IOException {
        return ProcParsers.currentFrequencyMhz(cpuinfo.read());
    }

    @Override
    public List<Double> loadAverage() throws IOException {
        return ProcParsers.loadAverage(loadavg.read());
    }

    @Override
    public MemoryInfo memory() throws IOException {
        return ProcParsers.memory(meminfo.read());
    }

    @Override
    public int processCount() throws IOException {
        int count = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
                    count++;
                }
            }
        }
        return count;
    }

    @Override
    public List<InterfaceCounters> networkCounters() throws IOException {
        return ProcParsers.networkCounters(netdev.read());
    }

    @Override
    public long processResidentBytes() throws IOException {
        return ProcParsers.residentBytes(status.read());
    }
}
