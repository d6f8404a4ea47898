package io.wsmon.core.collect.linux;

import io.wsmon.api.ContainerInfo;
import io.wsmon.api.Monitor;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.api.Snapshot;
import io.wsmon.core.collect.InlineMonitor;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code container} section: the limits of the control group this process runs in (cgroup v2, else
 * v1) and its use of them. The section is present only in ticks where the group has a memory or a
 * processor limit, so a host without limits has none; limits changed at run time ({@code docker update})
 * are seen at the next tick. Processor use is measured between ticks on {@code /proc/uptime}, from the
 * first tick with a limit on (that tick's share is 0). While the group has no limit only the limit files
 * are read.
 */
public final class ContainerMonitor implements Monitor<ContainerInfo>, InlineMonitor {

    private final Path proc;
    private final Path sys;
    private final ProcFile uptime;
    private Cgroup cgroup;
    private double previousAt = Double.NaN;
    private double previousUsage = -1;

    /** Reads the real {@code /proc} and {@code /sys}. */
    public ContainerMonitor() {
        this(LinuxPaths.PROC, LinuxPaths.SYS);
    }

    ContainerMonitor(Path proc, Path sys) {
        this.proc = proc;
        this.sys = sys;
        this.uptime = new ProcFile(proc.resolve("uptime"));
    }

    @Override
    public String name() {
        return Snapshot.CONTAINER;
    }

    @Override
    public boolean runsInline() {
        return true;
    }

    @Override
    public void start(MonitorContext context) throws MonitorUnavailableException {
        cgroup = Cgroup.find(proc, sys).orElseThrow(() -> new MonitorUnavailableException(
                "no control group found in " + proc.resolve("self/cgroup")));
        try {
            cgroup.limits();
        } catch (IOException | RuntimeException e) {
            throw new MonitorUnavailableException("cannot read the control group's limits: " + e.getMessage());
        }
    }

    /** @return the figures, or {@code null} (no section this tick) while the group has no limit */
    @Override
    public ContainerInfo collect() throws IOException {
        CgroupLimits limits = cgroup.limits();
        if (!limits.any()) { // the counters are not read: a host's root group sums its whole hierarchy for them
            previousAt = Double.NaN;
            previousUsage = -1;
            return null;
        }
        double now = ProcParsers.uptimeSeconds(uptime.read());
        CgroupUsage usage = cgroup.read(limits);
        double elapsed = Double.isNaN(previousAt) ? 0 : now - previousAt;
        double usedSince = previousUsage < 0 || usage.cpuUsageSeconds() < previousUsage ? -1
                : usage.cpuUsageSeconds() - previousUsage;
        previousAt = now;
        previousUsage = usage.cpuUsageSeconds();
        boolean memoryLimited = usage.memoryLimit() >= 0;
        boolean cpuLimited = usage.cpuLimitCores() > 0;
        Double cpuPercent = null;
        if (cpuLimited && usage.cpuUsageSeconds() >= 0) {
            cpuPercent = elapsed <= 0 || usedSince < 0 ? 0.0
                    : oneDecimal(usedSince / elapsed / usage.cpuLimitCores() * 100.0);
        }
        return new ContainerInfo(
                cgroup.version(),
                memoryLimited ? usage.memoryLimit() : null,
                Math.max(0, usage.memoryUsed()),
                memoryLimited && usage.memoryLimit() > 0
                        ? oneDecimal(Math.max(0, usage.memoryUsed()) * 100.0 / usage.memoryLimit()) : null,
                cpuLimited ? threeDecimals(usage.cpuLimitCores()) : null,
                cpuPercent,
                usage.throttledPeriods() < 0 ? null : usage.throttledPeriods(),
                usage.throttledSeconds() < 0 ? null : threeDecimals(usage.throttledSeconds()));
    }

    private static double oneDecimal(double value) {
        return Math.round(value * 10.0) / 10.0;
    }

    private static double threeDecimals(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
