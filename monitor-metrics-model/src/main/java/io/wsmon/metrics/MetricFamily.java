package io.wsmon.metrics;

import java.util.List;
import java.util.Objects;

/**
 * A figure with its values: one Prometheus family, or the points of one OpenTelemetry metric.
 *
 * @param figure names, type, unit and help
 * @param samples the values, each with its labels; no two with the same labels
 */
public record MetricFamily(Figure figure, List<Sample> samples) {

    /** Copies the samples so the record stays immutable. */
    public MetricFamily {
        Objects.requireNonNull(figure, "figure");
        samples = List.copyOf(samples);
    }
}
