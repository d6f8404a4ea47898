package io.wsmon.micrometer;

import io.wsmon.metrics.Figure;
import io.wsmon.metrics.MetricType;

/**
 * Micrometer's name for a figure: its Prometheus name under {@code wsmon.}, in Micrometer's dotted form,
 * without the unit suffix (Micrometer keeps the unit apart as the base unit) and without {@code _total}
 * (Micrometer's Prometheus registry adds both back). So {@code node_memory_MemTotal_bytes} is
 * {@code wsmon.node.memory.MemTotal} in bytes, and comes out of a Prometheus registry as
 * {@code wsmon_node_memory_MemTotal_bytes}; {@code wsmon_cpu_usage_ratio} is {@code wsmon.cpu.usage} and
 * comes out unchanged.
 */
final class MeterNames {

    private static final String PREFIX = "wsmon_";
    private static final String TOTAL = "_total";

    private MeterNames() {}

    /**
     * @param figure a figure with a Prometheus name
     * @return its Micrometer name
     */
    static String of(Figure figure) {
        String name = figure.prometheusName();
        if (figure.type() == MetricType.COUNTER && name.endsWith(TOTAL)) {
            name = name.substring(0, name.length() - TOTAL.length());
        }
        String unit = figure.unit().prometheus();
        if (unit != null && name.endsWith("_" + unit)) {
            name = name.substring(0, name.length() - unit.length() - 1);
        }
        if (name.startsWith(PREFIX)) {
            name = name.substring(PREFIX.length());
        }
        return "wsmon." + name.replace('_', '.');
    }
}
