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
