package io.wsmon.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** CPU time and resident memory of a process, read from {@code /proc} (Linux only). */
public final class ProcStat {

    /** {@code USER_HZ}: the unit of the CPU times in {@code /proc/<pid>/stat}, 100 on every Linux we know. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private ProcStat() {}

    /**
     * CPU time a process has used, user and system, all threads together.
     *
     * @param pid the process
     * @return nanoseconds, in steps of 10 ms
     * @throws IOException when {@code /proc} cannot be read (the process is gone, or this is no Linux)
     */
    public static long cpuNanos(long pid) throws IOException {
        return cpuNanos(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /**
     * CPU time of each thread of a process, user and system.
     *
     * @param pid the process
     * @return nanoseconds by {@code "name tid"}; threads that ended while being read are left out
     * @throws IOException when the process's threads cannot be listed
     */
    public static Map<String, Long> threadCpuNanos(long pid) throws IOException {
        Map<String, Long> threads = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    threads.put(name + " " + task.getFileName(), cpuNanos(task.resolve("stat")));
                } catch (IOException ended) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return threads;
    }

    /**
     * Resident memory of a process.
     *
     * @param pid the process
     * @return bytes
     * @throws IOException when {@code /proc} cannot be read
     */
    public static long rssBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }

    private static long cpuNanos(Path stat) throws IOException {
        String text = Files.readString(stat);
        // fields after the command name, which is in parentheses and may hold spaces: utime and stime are 12th and 13th
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
    }
}
