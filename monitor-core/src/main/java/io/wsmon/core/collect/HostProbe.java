package io.wsmon.core.collect;

import io.wsmon.api.MemoryInfo;
import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The values of the host that change every tick, read fresh on each call (never from a cache).
 * Implementations are thread-safe: different monitors call different methods at the same time.
 */
public interface HostProbe {

    /**
     * @return whether every reading is served from memory by the kernel and cannot hang
     */
    boolean neverBlocks();

    /**
     * @return cumulative processor time, all processors and each one
     * @throws IOException when the platform cannot be read
     */
    CpuTicks cpuTicks() throws IOException;

    /**
     * @return the mean current frequency over logical processors, in MHz; empty when unknown
     * @throws IOException when the platform cannot be read
     */
    OptionalDouble currentFrequencyMhz() throws IOException;

    /**
     * @return the 1, 5 and 15 minute load averages; empty where the platform has none
     * @throws IOException when the platform cannot be read
     */
    List<Double> loadAverage() throws IOException;

    /**
     * @return physical memory and swap
     * @throws IOException when the platform cannot be read
     */
    MemoryInfo memory() throws IOException;

    /**
     * @return processes running now
     * @throws IOException when the platform cannot be read
     */
    int processCount() throws IOException;

    /**
     * @return cumulative traffic of each interface that is not a loopback interface
     * @throws IOException when the platform cannot be read
     */
    List<InterfaceCounters> networkCounters() throws IOException;

    /**
     * @return this process's resident set size in bytes; -1 when unknown
     * @throws IOException when the platform cannot be read
     */
    long processResidentBytes() throws IOException;

    /**
     * @return the processor time this process has used since it started, user and system, in
     *     nanoseconds; empty when the platform does not tell
     * @throws IOException when the platform cannot be read
     */
    OptionalLong processCpuNanos() throws IOException;

    /**
     * Counts this process's TCP connections: its TCP sockets that are not listening. It walks the
     * descriptor table: call it seldom in a process with thousands of descriptors.
     *
     * @return the count; empty when the platform does not tell
     * @throws IOException when the platform cannot be read
     */
    OptionalInt processTcpConnections() throws IOException;

    /**
     * @return the descriptors this process holds open now (files, sockets, pipes); empty when the platform
     *     does not tell
     * @throws IOException when the platform cannot be read
     */
    OptionalLong processOpenFiles() throws IOException;
}
