package io.wsmon.metrics;

import java.util.List;

/**
 * One value of a family, with the labels that tell it from the family's other values.
 *
 * @param labels the labels, in the order they are written
 * @param value the value, in the family's base unit
 */
public record Sample(List<Label> labels, double value) {

    /** Copies the labels so the record stays immutable. */
    public Sample {
        labels = List.copyOf(labels);
    }

    /**
     * The labels written as Prometheus labels.
     *
     * @return name and value of each label that has a Prometheus name, in order
     */
    public List<Label> prometheusLabels() {
        return labels.stream().filter(l -> l.key().prometheus() != null).toList();
    }

    /**
     * The labels written as OpenTelemetry attributes.
     *
     * @return each label that has an OpenTelemetry name, in order
     */
    public List<Label> otelAttributes() {
        return labels.stream().filter(l -> l.key().otel() != null).toList();
    }
}
