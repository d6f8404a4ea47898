package io.wsmon.core.alert;

import io.wsmon.api.AlertLevel;
import java.time.OffsetDateTime;

/**
 * A condition that cleared: a value that had raised an alert is back on the safe side of its rule's
 * thresholds. Handed to the callbacks of {@link AlertManager#addResolvedCallback}.
 *
 * @param timestamp the tick at which the value was back to normal
 * @param component the component, for example {@code "memory"}
 * @param metric the metric, for example {@code "usage_percent"}
 * @param resource the disk path or GPU id, or {@code null} for single-instance components
 * @param clearedLevel the level the condition was at before it cleared
 * @param value the value now, in the metric's unit
 * @param threshold the rule's first threshold (warning, or critical when there is none)
 * @param message for example {@code "Memory usage back to normal: 70.2% (threshold: 80.0%)"}
 */
public record AlertResolution(
        OffsetDateTime timestamp,
        String component,
        String metric,
        String resource,
        AlertLevel clearedLevel,
        double value,
        double threshold,
        String message) {}
