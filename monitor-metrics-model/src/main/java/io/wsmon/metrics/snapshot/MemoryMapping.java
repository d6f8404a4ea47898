package io.wsmon.metrics.snapshot;

import static io.wsmon.metrics.MetricUnit.BYTES;
import static io.wsmon.metrics.MetricUnit.RATIO;
import static io.wsmon.metrics.snapshot.SectionMapping.ratio;

import io.wsmon.metrics.Figure;
import io.wsmon.metrics.LabelKey;

/** The {@code memory} section and its {@code swap}. */
final class MemoryMapping implements SectionMapping {

    static final Figure TOTAL = Figure.gauge("node_memory_MemTotal_bytes", "system.memory.limit", BYTES,
            "Physical memory installed");
    static final Figure AVAILABLE = Figure.gauge("node_memory_MemAvailable_bytes", "system.linux.memory.available",
            BYTES, "Memory available to new programs without swapping");
    static final Figure USED = Figure.gauge(null, "system.memory.usage", BYTES, "Memory in use");
    static final Figure UTILIZATION = Figure.gauge(null, "system.memory.utilization", RATIO,
            "Share of memory in use");
    static final Figure SWAP_TOTAL = Figure.gauge("node_memory_SwapTotal_bytes", null, BYTES, "Swap space");
    static final Figure SWAP_FREE = Figure.gauge("node_memory_SwapFree_bytes", "system.paging.usage", BYTES,
            "Swap space not in use");
    static final Figure SWAP_USED = Figure.gauge(null, "system.paging.usage", BYTES, "Swap space in use");

    private static final LabelKey MEMORY_STATE = LabelKey.otelOnly("system.memory.state");
    private static final LabelKey PAGING_STATE = LabelKey.otelOnly("system.paging.state");

    @Override
    public void map(String name, Object wire, Families out) {
        WireNode.of(wire).ifPresent(m -> {
            out.add(TOTAL, m.number("total"));
            out.add(AVAILABLE, m.number("available"));
            out.add(USED, m.number("used"), MEMORY_STATE.is("used"));
            out.add(UTILIZATION, ratio(m.number("percentage")), MEMORY_STATE.is("used"));
            m.child("swap").ifPresent(swap -> {
                out.add(SWAP_TOTAL, swap.number("total"));
                out.add(SWAP_FREE, swap.number("free"), PAGING_STATE.is("free"));
                out.add(SWAP_USED, swap.number("used"), PAGING_STATE.is("used"));
            });
        });
    }
}
