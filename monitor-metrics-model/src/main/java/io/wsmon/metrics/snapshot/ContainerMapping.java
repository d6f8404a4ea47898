package io.wsmon.metrics.snapshot;

import static io.wsmon.metrics.MetricUnit.BYTES;
import static io.wsmon.metrics.MetricUnit.CORES;
import static io.wsmon.metrics.MetricUnit.NONE;
import static io.wsmon.metrics.MetricUnit.RATIO;
import static io.wsmon.metrics.MetricUnit.SECONDS;
import static io.wsmon.metrics.snapshot.SectionMapping.ratio;

import io.wsmon.metrics.Figure;

/** The {@code container} section: the limits of the agent's control group and its use of them. */
final class ContainerMapping implements SectionMapping {

    static final Figure MEMORY_LIMIT = Figure.gauge("wsmon_container_memory_limit_bytes", "wsmon.container.memory.limit",
            BYTES, "Memory limit of the agent's container");
    static final Figure MEMORY_USED = Figure.gauge("wsmon_container_memory_used_bytes", "wsmon.container.memory.usage",
            BYTES, "Memory in use by the agent's container, without the page cache the kernel drops first");
    static final Figure MEMORY_RATIO = Figure.gauge("wsmon_container_memory_usage_ratio",
            "wsmon.container.memory.utilization", RATIO, "Memory in use as a share of the container's limit");
    static final Figure CPU_LIMIT = Figure.gauge("wsmon_container_cpu_limit_cores", "wsmon.container.cpu.limit", CORES,
            "Processor limit of the agent's container, in logical processors");
    static final Figure CPU_RATIO = Figure.gauge("wsmon_container_cpu_usage_ratio", "wsmon.container.cpu.utilization",
            RATIO, "Processor time used over the last interval as a share of the container's limit");
    static final Figure THROTTLED_PERIODS = Figure.counter("wsmon_container_cpu_throttled_periods_total",
            "wsmon.container.cpu.throttled_periods", NONE, "Scheduler periods in which the container was held back");
    static final Figure THROTTLED_SECONDS = Figure.counter("wsmon_container_cpu_throttled_seconds_total",
            "wsmon.container.cpu.throttled_time", SECONDS, "Time the container was held back at its limit");

    @Override
    public void map(String name, Object wire, Families out) {
        WireNode.of(wire).ifPresent(c -> {
            out.add(MEMORY_LIMIT, c.number("memory_limit"));
            out.add(MEMORY_USED, c.number("memory_used"));
            out.add(MEMORY_RATIO, ratio(c.number("memory_percent")));
            out.add(CPU_LIMIT, c.number("cpu_limit_cores"));
            out.add(CPU_RATIO, ratio(c.number("cpu_percent_of_limit")));
            out.add(THROTTLED_PERIODS, c.number("throttled_periods"));
            out.add(THROTTLED_SECONDS, c.number("throttled_seconds"));
        });
    }
}
