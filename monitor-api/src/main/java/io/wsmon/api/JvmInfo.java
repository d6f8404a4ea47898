package io.wsmon.api;

/**
 * The {@code jvm} section: the health of the monitoring process itself.
 *
 * @param heapUsed heap in use, in bytes
 * @param heapCommitted heap committed by the JVM, in bytes
 * @param heapMax the heap limit, in bytes; -1 when unlimited
 * @param nonHeapUsed non-heap memory in use (metaspace, code cache), in bytes
 * @param nonHeapCommitted non-heap memory committed, in bytes
 * @param rss resident set size of the process, in bytes; -1 when the platform does not tell
 * @param cpuPercent processor time the process used since the previous reading, in percent of one
 *     logical processor (as {@code top}: above 100 when it keeps several busy); {@code null} on the first
 *     reading and where the platform does not tell
 * @param threads live threads
 * @param openFileDescriptors open file descriptors; -1 when the platform does not tell
 * @param tcpConnections the process's TCP sockets other than listening ones (connected, opening or
 *     closing); {@code null} where the platform does not tell (everywhere but Linux)
 * @param gcCount garbage collections since start, all collectors
 * @param gcTimeMillis time spent in garbage collection since start, in milliseconds
 * @param memoryGrowthPerHour growth of the process's memory over the leak-check window, in bytes per
 *     hour; {@code null} until the window holds enough samples
 * @param leakSuspected whether the growth exceeds the leak threshold over a full window
 */
public record JvmInfo(
        long heapUsed,
        long heapCommitted,
        long heapMax,
        long nonHeapUsed,
        long nonHeapCommitted,
        long rss,
        Double cpuPercent,
        int threads,
        long openFileDescriptors,
        Integer tcpConnections,
        long gcCount,
        long gcTimeMillis,
        Double memoryGrowthPerHour,
        boolean leakSuspected) {

    /**
     * A reading without the process's processor use and TCP connections, the shape of the section before
     * they were added.
     *
     * @param heapUsed heap in use, in bytes
     * @param heapCommitted heap committed by the JVM, in bytes
     * @param heapMax the heap limit, in bytes; -1 when unlimited
     * @param nonHeapUsed non-heap memory in use, in bytes
     * @param nonHeapCommitted non-heap memory committed, in bytes
     * @param rss resident set size of the process, in bytes; -1 when unknown
     * @param threads live threads
     * @param openFileDescriptors open file descriptors; -1 when unknown
     * @param gcCount garbage collections since start
     * @param gcTimeMillis time spent in garbage collection since start, in milliseconds
     * @param memoryGrowthPerHour growth over the leak-check window, in bytes per hour; {@code null} when
     *     not known yet
     * @param leakSuspected whether a leak is suspected
     */
    public JvmInfo(long heapUsed, long heapCommitted, long heapMax, long nonHeapUsed, long nonHeapCommitted,
            long rss, int threads, long openFileDescriptors, long gcCount, long gcTimeMillis,
            Double memoryGrowthPerHour, boolean leakSuspected) {
        this(heapUsed, heapCommitted, heapMax, nonHeapUsed, nonHeapCommitted, rss, null, threads,
                openFileDescriptors, null, gcCount, gcTimeMillis, memoryGrowthPerHour, leakSuspected);
    }
}
