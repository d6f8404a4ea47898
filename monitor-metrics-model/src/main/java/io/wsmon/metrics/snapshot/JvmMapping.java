package io.wsmon.metrics.snapshot;

import static io.wsmon.metrics.MetricUnit.BYTES;
import static io.wsmon.metrics.MetricUnit.BYTES_PER_SECOND;
import static io.wsmon.metrics.MetricUnit.NONE;
import static io.wsmon.metrics.MetricUnit.SECONDS;
import static io.wsmon.metrics.snapshot.SectionMapping.scaled;

import io.wsmon.metrics.Figure;
import io.wsmon.metrics.LabelKey;
import java.util.OptionalDouble;

/**
 * The {@code jvm} section: the agent's own JVM. A figure the platform does not tell (-1 on the wire) is
 * left out.
 */
final class JvmMapping implements SectionMapping {

    static final Figure HEAP_USED = Figure.gauge("wsmon_jvm_heap_used_bytes", "jvm.memory.used", BYTES,
            "Heap in use by the agent's JVM");
    static final Figure HEAP_COMMITTED = Figure.gauge("wsmon_jvm_heap_committed_bytes", "jvm.memory.committed",
            BYTES, "Heap committed by the agent's JVM");
    static final Figure HEAP_MAX = Figure.gauge("wsmon_jvm_heap_max_bytes", "jvm.memory.limit", BYTES,
            "Heap limit of the agent's JVM");
    static final Figure NON_HEAP_USED = Figure.gauge("wsmon_jvm_nonheap_used_bytes", "jvm.memory.used", BYTES,
            "Non-heap memory (metaspace, code cache) in use by the agent's JVM");
    static final Figure NON_HEAP_COMMITTED = Figure.gauge("wsmon_jvm_nonheap_committed_bytes",
            "jvm.memory.committed", BYTES, "Non-heap memory committed by the agent's JVM");
    static final Figure RSS = Figure.gauge("wsmon_jvm_rss_bytes", "process.memory.usage", BYTES,
            "Resident memory of the agent's process");
    static final Figure THREADS = Figure.gauge("wsmon_jvm_threads", "jvm.thread.count", NONE,
            "Live threads of the agent's JVM");
    static final Figure OPEN_FILES = Figure.gauge("wsmon_jvm_open_fds", "process.unix.file_descriptor.count", NONE,
            "Open file descriptors of the agent's process");
    static final Figure GC_COUNT = Figure.counter("wsmon_jvm_gc_collections_total", "wsmon.jvm.gc.count", NONE,
            "Garbage collections of the agent's JVM since it started");
    static final Figure GC_TIME = Figure.counter("wsmon_jvm_gc_seconds_total", "wsmon.jvm.gc.time", SECONDS,
            "Time the agent's JVM spent collecting garbage since it started");
    static final Figure GROWTH = Figure.gauge("wsmon_jvm_memory_growth_bytes_per_second",
            "wsmon.jvm.memory.growth", BYTES_PER_SECOND, "Growth of the agent's memory over the leak-check window, per second");
    static final Figure LEAK = Figure.gauge("wsmon_jvm_leak_suspected", "wsmon.jvm.leak_suspected", NONE,
            "1 when the agent's memory keeps growing beyond the leak threshold, else 0");

    private static final LabelKey TYPE = LabelKey.otelOnly("jvm.memory.type");
    private static final double SECONDS_PER_MILLI = 1e-3;
    private static final double HOURS_PER_SECOND = 1 / 3600.0;

    @Override
    public void map(String name, Object wire, Families out) {
        WireNode.of(wire).ifPresent(j -> {
            out.add(HEAP_USED, j.number("heap_used"), TYPE.is("heap"));
            out.add(HEAP_COMMITTED, j.number("heap_committed"), TYPE.is("heap"));
            out.add(HEAP_MAX, known(j.number("heap_max")), TYPE.is("heap"));
            out.add(NON_HEAP_USED, j.number("non_heap_used"), TYPE.is("non_heap"));
            out.add(NON_HEAP_COMMITTED, j.number("non_heap_committed"), TYPE.is("non_heap"));
            out.add(RSS, known(j.number("rss")));
            out.add(THREADS, j.number("threads"));
            out.add(OPEN_FILES, known(j.number("open_file_descriptors")));
            out.add(GC_COUNT, j.number("gc_count"));
            out.add(GC_TIME, scaled(j.number("gc_time_millis"), SECONDS_PER_MILLI));
            out.add(GROWTH, scaled(j.number("memory_growth_per_hour"), HOURS_PER_SECOND));
            out.add(LEAK, j.number("leak_suspected"));
        });
    }

    /** -1 means the platform does not tell. */
    private static OptionalDouble known(OptionalDouble value) {
        return value.isPresent() && value.getAsDouble() < 0 ? OptionalDouble.empty() : value;
    }
}
