package io.wsmon.core.collect.linux;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A version 2 control group: {@code memory.max}, {@code memory.current}, {@code cpu.max}, {@code cpu.stat}.
 * A controller not enabled for the group has no files: its figures are then unknown, not an error.
 */
final class CgroupV2 implements Cgroup {

    private final ProcFile memoryMax;
    private final ProcFile memoryCurrent;
    private final ProcFile memoryStat;
    private final ProcFile cpuMax;
    private final ProcFile cpuStat;

    CgroupV2(Path dir) {
        this.memoryMax = ProcFile.ifExists(dir.resolve("memory.max"));
        this.memoryCurrent = ProcFile.ifExists(dir.resolve("memory.current"));
        this.memoryStat = ProcFile.ifExists(dir.resolve("memory.stat"));
        this.cpuMax = ProcFile.ifExists(dir.resolve("cpu.max"));
        this.cpuStat = ProcFile.ifExists(dir.resolve("cpu.stat"));
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public CgroupLimits limits() throws IOException {
        long memory = memoryMax != null && memoryCurrent != null ? ProcParsers.limit(memoryMax.read()) : -1;
        double cores = -1;
        if (cpuMax != null) {
            ProcText max = cpuMax.read();
            long quota = ProcParsers.limit(max);
            if (quota >= 0) {
                long period = max.nextLong();
                cores = period > 0 ? (double) quota / period : -1;
            }
        }
        return new CgroupLimits(memory, cores);
    }

    @Override
    public CgroupUsage read(CgroupLimits limits) throws IOException {
        long used = -1;
        if (memoryMax != null && memoryCurrent != null) {
            used = Cgroup.memoryInUse(memoryCurrent, memoryStat, "inactive_file ");
        }
        long[] stat = cpuStat != null ? ProcParsers.keyValues(cpuStat.read(), "usage_usec ", "nr_throttled ",
                "throttled_usec ") : new long[] {-1, -1, -1};
        return new CgroupUsage(limits.memoryLimit(), used, limits.cpuLimitCores(), stat[0] < 0 ? -1 : stat[0] / 1e6,
                stat[1], stat[2] < 0 ? -1 : stat[2] / 1e6);
    }
}
