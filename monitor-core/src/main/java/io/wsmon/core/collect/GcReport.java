package io.wsmon.core.collect;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;

/**
 * What a forced garbage collection did: the seed's {@code force_garbage_collection()}.
 *
 * @param heapUsedBefore heap in use just before, in bytes
 * @param heapUsedAfter heap in use just after, in bytes
 * @param freedBytes {@code heapUsedBefore - heapUsedAfter}, or 0 when other threads allocated more than
 *     was freed meanwhile
 * @param collections collections the collectors counted meanwhile; 0 when the JVM ignores explicit
 *     requests ({@code -XX:+DisableExplicitGC})
 * @param took how long it took
 */
public record GcReport(long heapUsedBefore, long heapUsedAfter, long freedBytes, long collections, Duration took) {

    /**
     * Runs a full collection now ({@link System#gc()}), waiting for it, and reports the heap freed.
     *
     * @return what it did
     */
    public static GcReport run() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long countBefore = collectionCount();
        long usedBefore = memory.getHeapMemoryUsage().getUsed();
        long began = System.nanoTime();
        memory.gc();
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        long usedAfter = memory.getHeapMemoryUsage().getUsed();
        return new GcReport(usedBefore, usedAfter, Math.max(0, usedBefore - usedAfter), collectionCount() - countBefore, took);
    }

    private static long collectionCount() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }
}
