package io.wsmon.core.collect.linux;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A version 1 control group: the {@code memory}, {@code cpu} and {@code cpuacct} controllers, each of
 * which may be missing ({@code null} directory).
 */
final class CgroupV1 implements Cgroup {

    private final ProcFile memoryLimit;
    private final ProcFile memoryUsage;
    private final ProcFile memoryStat;
    private final ProcFile quota;
    private final ProcFile period;
    private final ProcFile cpuStat;
    private final ProcFile cpuUsage;

    CgroupV1(Path memory, Path cpu, Path cpuacct) {
        this.memoryLimit = file(memory, "memory.limit_in_bytes");
        this.memoryUsage = file(memory, "memory.usage_in_bytes");
        this.memoryStat = file(memory, "memory.stat");
        this.quota = file(cpu, "cpu.cfs_quota_us");
        this.period = file(cpu, "cpu.cfs_period_us");
        this.cpuStat = file(cpu, "cpu.stat");
        this.cpuUsage = file(cpuacct, "cpuacct.usage");
    }

    private static ProcFile file(Path dir, String name) {
        return dir == null ? null : ProcFile.ifExists(dir.resolve(name));
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public CgroupLimits limits() throws IOException {
        long memory = -1;
        if (memoryLimit != null && memoryUsage != null) {
            memory = ProcParsers.limit(memoryLimit.read());
            if (memory >= CgroupUsage.UNLIMITED_V1) {
                memory = -1;
            }
        }
        double cores = -1;
        if (quota != null && period != null) {
            long quotaMicros = ProcParsers.limit(quota.read());
            long periodMicros = ProcParsers.limit(period.read());
            cores = quotaMicros > 0 && periodMicros > 0 ? (double) quotaMicros / periodMicros : -1;
        }
        return new CgroupLimits(memory, cores);
    }

    @Override
    public CgroupUsage read(CgroupLimits limits) throws IOException {
        long used = -1;
        if (memoryLimit != null && memoryUsage != null) {
            used = Cgroup.memoryInUse(memoryUsage, memoryStat, "total_inactive_file ");
        }
        long[] stat = cpuStat == null ? new long[] {-1, -1}
                : ProcParsers.keyValues(cpuStat.read(), "nr_throttled ", "throttled_time ");
        double usageSeconds = cpuUsage == null ? -1 : ProcParsers.limit(cpuUsage.read()) / 1e9;
        return new CgroupUsage(limits.memoryLimit(), used, limits.cpuLimitCores(), usageSeconds, stat[0],
                stat[1] < 0 ? -1 : stat[1] / 1e9);
    }
}
