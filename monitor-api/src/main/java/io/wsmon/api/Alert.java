package io.wsmon.api;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One alert: a metric crossed a threshold at a tick.
 *
 * <p>On the wire: {@code {"timestamp", "component", "metric", "value", "threshold", "level", "message"}}
 * plus {@code "resource"} when the component has several instances.
 *
 * @param timestamp when the value was collected (the snapshot's timestamp)
 * @param component the monitored component, for example {@code "memory"}, {@code "disk"}, {@code "gpu"}
 * @param metric the metric of the component, for example {@code "usage_percent"} or {@code "free_gb"}
 * @param resource which instance of the component, for example the disk path {@code "/data"} or the GPU
 *     index {@code "0"}; {@code null} for single-instance components such as memory
 * @param value the value that crossed the threshold, in the metric's unit
 * @param threshold the threshold it crossed, in the metric's unit
 * @param level how serious
 * @param message a human-readable sentence, for example
 *     {@code "High memory usage: 85.5% (threshold: 80.0%)"}
 */
public record Alert(
        OffsetDateTime timestamp,
        String component,
        String metric,
        String resource,
        double value,
        double threshold,
        AlertLevel level,
        String message) {

    /** Checks that every field but {@code resource} is present. */
    public Alert {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
    }
}
