package io.wsmon.core.collect.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The control group this process runs in, found from {@code /proc/self/cgroup} and read under
 * {@code /sys/fs/cgroup}: version 2 when the unified hierarchy is mounted there, else the version 1
 * {@code memory} and {@code cpu} controllers. Inside a container with its own cgroup namespace the group
 * is the mount's root, which is where the paths lead when the group's own directory is not there.
 */
interface Cgroup {

    /** @return 1 or 2 */
    int version();

    /**
     * @return the memory and processor limits now
     * @throws IOException when the group's files cannot be read
     */
    CgroupLimits limits() throws IOException;

    /**
     * @param limits the limits just read by {@link #limits()}
     * @return those limits and the counters now
     * @throws IOException when the group's files cannot be read
     */
    CgroupUsage read(CgroupLimits limits) throws IOException;

    /**
     * Memory in use less the inactive file pages the kernel can drop at once, as {@code docker stats} and
     * cAdvisor count it: the same rule for both versions, which name the files and the key differently.
     *
     * @param usage the group's memory use in bytes ({@code memory.current}, {@code memory.usage_in_bytes})
     * @param stat its {@code memory.stat}, or {@code null} when missing
     * @param inactiveFileKey the key of the inactive file pages in it, with its trailing space
     * @return the bytes in use, at least 0
     * @throws IOException when a file cannot be read
     */
    static long memoryInUse(ProcFile usage, ProcFile stat, String inactiveFileKey) throws IOException {
        long bytes = ProcParsers.limit(usage.read());
        long inactive = stat == null ? -1 : ProcParsers.keyValues(stat.read(), inactiveFileKey)[0];
        return Math.max(0, bytes - Math.max(0, inactive));
    }

    /**
     * @param proc the {@code /proc} root
     * @param sys the {@code /sys} root
     * @return the group, or empty when there is none to read
     */
    static Optional<Cgroup> find(Path proc, Path sys) {
        Path root = sys.resolve("fs/cgroup");
        String membership;
        try {
            membership = Files.readString(proc.resolve("self/cgroup"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return Optional.empty();
        }
        String unifiedPath = null;
        String memoryPath = null;
        String cpuPath = null;
        for (String line : membership.split("\n")) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3) {
                continue;
            }
            if (fields[0].equals("0") && fields[1].isEmpty()) {
                unifiedPath = fields[2];
            }
            for (String controller : fields[1].split(",")) {
                if (controller.equals("memory")) {
                    memoryPath = fields[2];
                } else if (controller.equals("cpu")) {
                    cpuPath = fields[2];
                }
            }
        }
        if (unifiedPath != null && Files.exists(root.resolve("cgroup.controllers"))) {
            return Optional.of(new CgroupV2(groupDir(root, unifiedPath)));
        }
        if (memoryPath == null && cpuPath == null) {
            return Optional.empty();
        }
        Path memory = memoryPath == null ? null : groupDir(root.resolve("memory"), memoryPath);
        Path cpu = cpuPath == null ? null : groupDir(firstExisting(root.resolve("cpu"), root.resolve("cpu,cpuacct")), cpuPath);
        Path cpuacct = cpuPath == null ? null
                : groupDir(firstExisting(root.resolve("cpuacct"), root.resolve("cpu,cpuacct")), cpuPath);
        return Optional.of(new CgroupV1(memory, cpu, cpuacct));
    }

    private static Path groupDir(Path mount, String groupPath) {
        Path own = mount.resolve(groupPath.startsWith("/") ? groupPath.substring(1) : groupPath);
        return Files.isDirectory(own) ? own : mount;
    }

    private static Path firstExisting(Path first, Path second) {
        return Files.exists(first) ? first : second;
    }
}
