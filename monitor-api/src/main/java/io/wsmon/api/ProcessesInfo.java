package io.wsmon.api;

import java.util.List;

/**
 * The {@code processes} section: how many processes are in each state, and the processes that use the
 * most processor time and the most memory.
 *
 * @param total processes
 * @param running processes running or ready to run
 * @param sleeping processes waiting for an event
 * @param diskSleep processes in uninterruptible wait, usually on I/O
 * @param idle kernel threads that are idle
 * @param stopped processes stopped by a signal or a tracer
 * @param zombie processes that ended and whose parent has not yet collected them
 * @param threads threads of all processes together
 * @param topCpu the processes that used the most processor time over the last measure, most first
 * @param topMemory the processes with the largest resident memory, largest first
 */
public record ProcessesInfo(
        int total,
        int running,
        int sleeping,
        int diskSleep,
        int idle,
        int stopped,
        int zombie,
        int threads,
        List<ProcessInfo> topCpu,
        List<ProcessInfo> topMemory) {

    /** Copies the lists so the record stays immutable. */
    public ProcessesInfo {
        topCpu = List.copyOf(topCpu);
        topMemory = List.copyOf(topMemory);
    }
}
