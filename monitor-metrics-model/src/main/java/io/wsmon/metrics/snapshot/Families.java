package io.wsmon.metrics.snapshot;

import io.wsmon.metrics.Figure;
import io.wsmon.metrics.Label;
import io.wsmon.metrics.MetricFamily;
import io.wsmon.metrics.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Collects samples into families while a snapshot is mapped, in the order figures first appear.
 *
 * <p>Figures are told apart by their Prometheus name (or, for OpenTelemetry-only figures, their
 * OpenTelemetry name), so two sources of one family (a custom section whose field names collide) end in
 * one family; a sample whose family was first given another type or unit is dropped, and so is a second
 * sample with the same labels: an engine would reject either.
 */
final class Families {

    private final Map<String, Collected> families = new LinkedHashMap<>();

    /**
     * Adds one sample; a NaN or infinite value is left out.
     *
     * @param figure the family
     * @param value the value, in the figure's unit
     * @param labels the sample's labels
     */
    void add(Figure figure, double value, Label... labels) {
        if (!Double.isFinite(value)) {
            return;
        }
        String key = figure.prometheusName() != null ? figure.prometheusName() : "otel:" + figure.otelName();
        Collected collected = families.computeIfAbsent(key, k -> new Collected(figure));
        if (collected.figure.type() == figure.type() && collected.figure.unit() == figure.unit()) {
            List<Label> labelList = List.of(labels);
            collected.samples.putIfAbsent(labelList, new Sample(labelList, value));
        }
    }

    /**
     * Adds one sample when the value is present.
     *
     * @param figure the family
     * @param value the value, in the figure's unit, or empty
     * @param labels the sample's labels
     */
    void add(Figure figure, OptionalDouble value, Label... labels) {
        if (value.isPresent()) {
            add(figure, value.getAsDouble(), labels);
        }
    }

    /**
     * The families collected so far.
     *
     * @return each family with at least one sample, in the order their figures first appeared
     */
    List<MetricFamily> build() {
        List<MetricFamily> out = new ArrayList<>(families.size());
        for (Collected collected : families.values()) {
            if (!collected.samples.isEmpty()) {
                out.add(new MetricFamily(collected.figure, List.copyOf(collected.samples.values())));
            }
        }
        return out;
    }

    private static final class Collected {
        private final Figure figure;
        private final Map<List<Label>, Sample> samples = new LinkedHashMap<>();

        Collected(Figure figure) {
            this.figure = figure;
        }
    }
}
