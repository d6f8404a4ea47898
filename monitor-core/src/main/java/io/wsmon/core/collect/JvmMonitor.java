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
import java.lang.management.ThreadMXBean;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The {@code jvm} section, the monitoring process watching itself (the seed's service memory monitor):
 * heap, non-heap, resident size, processor use since the previous reading, threads, open files and TCP
 * connections, garbage collection, and a leak check on the live heap (heap in use right after the last
 * collection), whose result the health report shows and {@link #trend} gives over shorter windows.
 *
 * <p>Settings: see {@link JvmSettings}; a bad one fails {@link #start}, naming the key. Open file
 * descriptors and TCP connections are counted at most every 5 s: counting walks the descriptor table,
 * which is long in a server with thousands of clients.
 */
public final class JvmMonitor extends ProbeMonitor<JvmInfo> {

    /** Default leak-check window. */
    public static final Duration DEFAULT_LEAK_WINDOW = Duration.ofHours(1);
    /** Default growth above which a leak is suspected, in MB per hour. */
    public static final double DEFAULT_LEAK_THRESHOLD_MB_PER_HOUR = 50;

    private static final Duration FD_COUNT_EVERY = Duration.ofSeconds(5);

    // Looked up in start(), which the service runs beside the other monitors' starts: the JVM's management
    // interface costs ~25 ms of CPU the first time, on the way to the first snapshot.
    private MemoryMXBean memory;
    private ThreadMXBean threads;
    private List<GarbageCollectorMXBean> collectors;
    private List<MemoryPoolMXBean> heapPools;
    private volatile Clock clock = Clock.systemUTC();
    private volatile MemoryTrend trend;
    private long openFiles = -1;
    private Integer tcpConnections;
    private Instant descriptorsAt = Instant.MIN;
    private long previousCpuNanos = -1;
    private Instant previousCpuAt;

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
        memory = ManagementFactory.getMemoryMXBean();
        threads = ManagementFactory.getThreadMXBean();
        collectors = ManagementFactory.getGarbageCollectorMXBeans();
        heapPools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()) {
                heapPools.add(pool);
            }
        }
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
        countDescriptors(now);
        trend.offer(now, liveHeap(heap));
        OptionalDouble growth = trend.growthPerHour();
        return new JvmInfo(
                heap.getUsed(),
                heap.getCommitted(),
                heap.getMax(),
                nonHeap.getUsed(),
                nonHeap.getCommitted(),
                probe.processResidentBytes(),
                cpuPercent(now),
                threads.getThreadCount(),
                openFiles,
                tcpConnections,
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

    /** Counts open descriptors and TCP connections when the last count is 5 s old. */
    private void countDescriptors(Instant now) throws IOException {
        if (Duration.between(descriptorsAt, now).compareTo(FD_COUNT_EVERY) < 0) {
            return;
        }
        openFiles = probe.processOpenFiles().orElse(-1);
        OptionalInt tcp = probe.processTcpConnections();
        tcpConnections = tcp.isPresent() ? tcp.getAsInt() : null;
        descriptorsAt = now;
    }

    /** Processor time used since the previous reading over the time passed, in % of one processor. */
    private Double cpuPercent(Instant now) throws IOException {
        OptionalLong cpu = probe.processCpuNanos();
        if (cpu.isEmpty()) {
            return null;
        }
        Instant before = previousCpuAt;
        long usedBefore = previousCpuNanos;
        previousCpuNanos = cpu.getAsLong();
        previousCpuAt = now;
        long elapsed = before == null ? 0 : Duration.between(before, now).toNanos();
        long used = cpu.getAsLong() - usedBefore;
        if (elapsed <= 0 || used < 0) {
            return null;
        }
        return Rounding.oneDecimal(used * 100.0 / elapsed);
    }

    /**
     * The growth rate and average of the live heap over a window, from the leak check's samples, which
     * are kept every {@code jvm.leak_window / 120} (30 s by default).
     *
     * @param window how far back, above 0 and at most {@code jvm.leak_window}
     * @return the trend; empty until two samples fall in the window
     * @throws IllegalArgumentException when the window is not above 0 or longer than {@code jvm.leak_window}
     * @throws IllegalStateException before {@link #start}
     */
    public Optional<HeapTrend> trend(Duration window) {
        MemoryTrend started = trend;
        if (started == null) {
            throw new IllegalStateException("jvm monitor: not started");
        }
        return started.over(window, clock.instant());
    }
}
