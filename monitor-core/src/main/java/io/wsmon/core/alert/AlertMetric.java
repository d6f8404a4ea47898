package io.wsmon.core.alert;

import io.wsmon.api.AlertLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The (component, metric) pairs that alert rules can watch, where each value is read from in a snapshot,
 * and how its alerts are worded.
 *
 * <p>Disk and GPU metrics have one value per instance (per disk path, per GPU id); the others have one.
 */
public enum AlertMetric {
    /** {@code cpu usage_percent}: {@code ProcessorInfo.usagePercent}. */
    CPU_USAGE("cpu", "usage_percent", Direction.ABOVE, MetricUnit.PERCENT, "CPU usage", "cpu", ""),
    /** {@code memory usage_percent}: {@code MemoryInfo.percentage}. */
    MEMORY_USAGE("memory", "usage_percent", Direction.ABOVE, MetricUnit.PERCENT, "memory usage", "memory", ""),
    /** {@code swap usage_percent}: {@code MemoryInfo.swap().percentage()}; no value on a machine without swap. */
    SWAP_USAGE("swap", "usage_percent", Direction.ABOVE, MetricUnit.PERCENT, "swap usage", "swap", ""),
    /** {@code disk usage_percent}, per path: {@code DiskInfo.percentage} of each entry of {@code disks}. */
    DISK_USAGE("disk", "usage_percent", Direction.ABOVE, MetricUnit.PERCENT, "disk usage", "disk", ""),
    /** {@code disk free_gb}, per path, a below-metric: {@code DiskInfo.freeGb()} of each entry of {@code disks}. */
    DISK_FREE("disk", "free_gb", Direction.BELOW, MetricUnit.GIGABYTES, "disk free space", "disk_free", "_gb"),
    /** {@code gpu memory_percent}, per GPU: {@code GpuDevice.memoryPercent()}. */
    GPU_MEMORY("gpu", "memory_percent", Direction.ABOVE, MetricUnit.PERCENT, "GPU memory usage", "gpu_memory", ""),
    /** {@code gpu temperature}, per GPU, in °C: {@code GpuDevice.temperature()}. */
    GPU_TEMPERATURE("gpu", "temperature", Direction.ABOVE, MetricUnit.CELSIUS, "GPU temperature",
            "gpu_temperature", ""),
    /** {@code sensors temperature}, per sensor ({@code chip/label}), in °C: {@code TemperatureSensor.current()}. */
    TEMPERATURE("sensors", "temperature", Direction.ABOVE, MetricUnit.CELSIUS, "temperature", "temperature", ""),
    /** {@code container memory_percent}: {@code ContainerInfo.memoryPercent()}; no value without a memory limit. */
    CONTAINER_MEMORY("container", "memory_percent", Direction.ABOVE, MetricUnit.PERCENT, "container memory usage",
            "container_memory", ""),
    /** {@code disk_io busy_percent}, per device: {@code DiskIoDevice.busyPercent()}. */
    DISK_BUSY("disk_io", "busy_percent", Direction.ABOVE, MetricUnit.PERCENT, "disk busy time", "disk_busy", ""),
    /** {@code pressure memory_some_avg10}: the share of the last 10 s some task waited for memory. */
    PRESSURE_MEMORY("pressure", "memory_some_avg10", Direction.ABOVE, MetricUnit.PERCENT, "memory pressure",
            "pressure_memory", "");

    private static final Map<String, List<AlertMetric>> BY_COMPONENT = byComponent();

    private final String component;
    private final String metric;
    private final Direction direction;
    private final MetricUnit unit;
    private final String subject;
    private final String keyPrefix;
    private final String keySuffix;

    AlertMetric(String component, String metric, Direction direction, MetricUnit unit, String subject,
            String keyPrefix, String keySuffix) {
        this.component = component;
        this.metric = metric;
        this.direction = direction;
        this.unit = unit;
        this.subject = subject;
        this.keyPrefix = keyPrefix;
        this.keySuffix = keySuffix;
    }

    /**
     * Finds a known pair.
     *
     * @param component the component, for example {@code "memory"}
     * @param metric the metric, for example {@code "usage_percent"}
     * @return the pair
     * @throws IllegalArgumentException naming the unknown component or metric and listing the known ones
     */
    public static AlertMetric of(String component, String metric) {
        List<AlertMetric> metrics = metricsOf(component);
        for (AlertMetric candidate : metrics) {
            if (candidate.metric.equals(metric)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown alert metric '" + metric + "' for component '" + component
                + "'; known: " + names(metrics));
    }

    /**
     * The metric a component's thresholds mean when no metric is named, as in the seed's
     * {@code set_threshold(component, level, value)}: its usage percentage.
     *
     * @param component the component
     * @return its main metric
     * @throws IllegalArgumentException when the component is unknown or has no single main metric
     */
    public static AlertMetric mainMetricOf(String component) {
        List<AlertMetric> metrics = metricsOf(component);
        if (metrics.size() == 1) {
            return metrics.get(0);
        }
        for (AlertMetric candidate : metrics) {
            if (candidate.metric.equals("usage_percent")) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("component '" + component + "' has several alert metrics ("
                + names(metrics) + "): name the metric");
    }

    /**
     * The metrics by component, in declaration order. Loops rather than streams here and in the look-ups
     * above, which the server runs on its way to the first snapshot: each lambda of a stream costs a
     * bootstrap (a generated class) the first time it runs.
     */
    private static Map<String, List<AlertMetric>> byComponent() {
        Map<String, List<AlertMetric>> byComponent = new LinkedHashMap<>();
        for (AlertMetric metric : values()) {
            List<AlertMetric> metrics = byComponent.get(metric.component);
            if (metrics == null) {
                metrics = new ArrayList<>();
                byComponent.put(metric.component, metrics);
            }
            metrics.add(metric);
        }
        return byComponent;
    }

    private static List<AlertMetric> metricsOf(String component) {
        List<AlertMetric> metrics = BY_COMPONENT.get(component);
        if (metrics == null) {
            throw new IllegalArgumentException("unknown alert component '" + component + "'; known: "
                    + String.join(", ", BY_COMPONENT.keySet()));
        }
        return metrics;
    }

    private static String names(List<AlertMetric> metrics) {
        return metrics.stream().map(AlertMetric::metric).collect(Collectors.joining(", "));
    }

    /** @return the component, for example {@code "disk"} */
    public String component() {
        return component;
    }

    /** @return the metric, for example {@code "free_gb"} */
    public String metric() {
        return metric;
    }

    /** @return whether alerts fire above or below the thresholds */
    public Direction direction() {
        return direction;
    }

    /** @return the unit of values and thresholds */
    public MetricUnit unit() {
        return unit;
    }

    /**
     * @return whether the component has several instances (disk paths, GPUs, sensors, block devices), named by
     *     {@code Alert.resource}
     */
    public boolean perResource() {
        return switch (component) {
            case "disk", "gpu", "sensors", "disk_io" -> true;
            default -> false;
        };
    }

    /**
     * The key of one threshold in the seed's {@code configure_thresholds} map and in the server's
     * configuration, for example {@code memory_warning} or {@code disk_free_critical_gb}.
     *
     * @param level the threshold's level
     * @return the key
     */
    public String thresholdKey(AlertLevel level) {
        return keyPrefix + "_" + level.name().toLowerCase(Locale.ROOT) + keySuffix;
    }

    /**
     * The alert message, worded as the seed's: {@code "High memory usage: 85.5% (threshold: 80.0%)"},
     * {@code "Critical disk usage: 96.2% (threshold: 95.0%)"}, {@code "Low disk free space: 1.2 GB
     * (threshold: 2.0 GB)"}. The instance is not part of the text; it is the alert's {@code resource}.
     *
     * @param level the level reached
     * @param value the value
     * @param threshold the threshold reached
     * @return the message
     */
    public String message(AlertLevel level, double value, double threshold) {
        String adjective = level == AlertLevel.CRITICAL ? "Critical" : direction == Direction.ABOVE ? "High" : "Low";
        return adjective + " " + subject + ": " + unit.format(value) + " (threshold: " + unit.format(threshold) + ")";
    }

    /**
     * The message of a condition that cleared: {@code "Memory usage back to normal: 70.2% (threshold: 80.0%)"}.
     *
     * @param value the value now
     * @param threshold the lowest threshold of the rule (warning, or critical when there is no warning)
     * @return the message
     */
    public String resolvedMessage(double value, double threshold) {
        return Character.toUpperCase(subject.charAt(0)) + subject.substring(1) + " back to normal: "
                + unit.format(value) + " (threshold: " + unit.format(threshold) + ")";
    }

    /**
     * Reads this metric's values out of a tick's sections. A switch rather than a method reference held by
     * each constant: eleven method references would cost eleven bootstraps on the server's way to its first
     * snapshot, where this enum is loaded.
     */
    void read(Map<String, ?> sections, SectionReader.Values out) {
        switch (this) {
            case CPU_USAGE -> SectionReader.cpuUsage(sections, out);
            case MEMORY_USAGE -> SectionReader.memoryUsage(sections, out);
            case SWAP_USAGE -> SectionReader.swapUsage(sections, out);
            case DISK_USAGE -> SectionReader.diskUsage(sections, out);
            case DISK_FREE -> SectionReader.diskFree(sections, out);
            case GPU_MEMORY -> SectionReader.gpuMemory(sections, out);
            case GPU_TEMPERATURE -> SectionReader.gpuTemperature(sections, out);
            case TEMPERATURE -> SectionReader.temperature(sections, out);
            case CONTAINER_MEMORY -> SectionReader.containerMemory(sections, out);
            case DISK_BUSY -> SectionReader.diskBusy(sections, out);
            case PRESSURE_MEMORY -> SectionReader.pressureMemory(sections, out);
            default -> throw new IllegalStateException("no reader for " + this);
        }
    }

    @Override
    public String toString() {
        return component + " " + metric;
    }
}
