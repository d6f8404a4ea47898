package io.wsmon.core.collect;

import io.wsmon.api.JvmInfo;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.Snapshot;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The {@code jvm} section, the monitoring process watching itself (the seed's service memory monitor):
 * heap, non-heap, resident size, threads, open files, garbage collection, and a leak check on the live
 * heap (heap in use right after the last collection), whose result the health report shows.
 *
 * <p>Settings: see {@link JvmSettings}; a bad one fails {@link #start}, naming the key. Open file descriptors are counted at most every 5 s: counting walks the descriptor
 * table, which is long in a server with thousands of clients.
 */
public final class JvmMonitor extends ProbeMonitor<JvmInfo> {

    /** Default leak-check window. */
    public static final Duration DEFAULT_LEAK_WINDOW = Duration.ofHours(1);
    /** Default growth above which a leak is suspected, in MB per hour. */
    public static final double DEFAULT_LEAK_THRESHOLD_MB_PER_HOUR = 50;

    private static final Duration FD_COUNT_EVERY = Duration.ofSeconds(5);

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
            .toList();
    private Clock clock = Clock.systemUTC();
    private MemoryTrend trend;
    private long openFiles = -1;
    private Instant openFilesAt = Instant.MIN;

    /**
     * @param probe where the resident size is read
     */
    public JvmMonitor(HostProbe probe) {
        super(probe);
    }

    @Override
    public String name() {
        return Snapshot.JVM;
    }

    @Override
    public void start(MonitorContext context) {
        clock = context.clock();
        JvmSettings settings = JvmSettings.from(context.settings());
        Duration window = settings.leakWindow();
        double thresholdMb = settings.leakThresholdMbPerHour();
        Duration sampleEvery = window.dividedBy(120);
        trend = new MemoryTrend(window, sampleEvery, window.dividedBy(4), thresholdMb * 1024 * 1024);
    }

    @Override
    public JvmInfo collect() throws Exception {
        Instant now = clock.instant();
        MemoryUsage heap = memory.getHeapMemoryUsage();
        MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
        long gcCount = 0;
        long gcTime = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcTime += Math.max(0, gc.getCollectionTime());
        }
        trend.offer(now, liveHeap(heap));
        OptionalDouble growth = trend.growthPerHour();
        return new JvmInfo(
                heap.getUsed(),
                heap.getCommitted(),
                heap.getMax(),
                nonHeap.getUsed(),
                nonHeap.getCommitted(),
                probe.processResidentBytes(),
                threads.getThreadCount(),
                openFileDescriptors(now),
                gcCount,
                gcTime,
                growth.isPresent() ? Math.rint(growth.getAsDouble()) : null,
                trend.leakSuspected());
    }

    /** Heap in use after the last collection; before any collection, heap in use now. */
    private long liveHeap(MemoryUsage heap) {
        long afterGc = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage usage = pool.getCollectionUsage();
            if (usage != null) {
                afterGc += usage.getUsed();
            }
        }
        return afterGc > 0 ? afterGc : heap.getUsed();
    }

    private long openFileDescriptors(Instant now) {
        if (Duration.between(openFilesAt, now).compareTo(FD_COUNT_EVERY) >= 0
                && os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            openFiles = unix.getOpenFileDescriptorCount();
            openFilesAt = now;
        }
        return openFiles;
    }
}
