package io.wsmon.api;

/**
 * One process, part of {@link ProcessesInfo}.
 *
 * @param pid the process id
 * @param name the command name as the kernel keeps it (at most 15 characters on Linux)
 * @param user the name of the user the process runs as (its real user), or the user id when the name is
 *     unknown; {@code null} when the platform does not tell
 * @param cpuPercent processor time used over the last measure, in percent of one logical processor (so up
 *     to 100 × the logical processors, as {@code top} shows it); over its lifetime at the first measure
 * @param rss resident memory, in bytes
 * @param memoryPercent resident memory, in percent of physical memory
 * @param threads threads of the process
 */
public record ProcessInfo(
        int pid, String name, String user, double cpuPercent, long rss, double memoryPercent, int threads) {}
