package io.wsmon.core.collect.linux;

import io.wsmon.api.Monitor;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.api.PressureInfo;
import io.wsmon.api.PressureStall;
import io.wsmon.api.Snapshot;
import io.wsmon.core.collect.InlineMonitor;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code pressure} section from {@code /proc/pressure} (Linux 4.20 and later, when the kernel was
 * started with PSI on). Unavailable where none of the three files can be read; a resource whose file
 * cannot be read is left out.
 */
public final class PressureMonitor implements Monitor<PressureInfo>, InlineMonitor {

    private final ProcFile cpu;
    private final ProcFile memory;
    private final ProcFile io;

    /** Reads the real {@code /proc}. */
    public PressureMonitor() {
        this(LinuxPaths.PROC);
    }

    PressureMonitor(Path proc) {
        Path dir = proc.resolve("pressure");
        this.cpu = new ProcFile(dir.resolve("cpu"));
        this.memory = new ProcFile(dir.resolve("memory"));
        this.io = new ProcFile(dir.resolve("io"));
    }

    @Override
    public String name() {
        return Snapshot.PRESSURE;
    }

    @Override
    public boolean runsInline() {
        return true;
    }

    @Override
    public void start(MonitorContext context) throws MonitorUnavailableException {
        if (collect() == null) {
            throw new MonitorUnavailableException("no pressure stall information (/proc/pressure): the kernel is"
                    + " older than 4.20 or was started without psi");
        }
    }

    /** @return the figures, or {@code null} (no section this tick) when no file could be read */
    @Override
    public PressureInfo collect() {
        PressureInfo info = new PressureInfo(read(cpu, false), read(memory, true), read(io, true));
        return info.cpu() == null && info.memory() == null && info.io() == null ? null : info;
    }

    private static PressureStall read(ProcFile file, boolean withFull) {
        try {
            return ProcParsers.pressure(file.read(), withFull);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
