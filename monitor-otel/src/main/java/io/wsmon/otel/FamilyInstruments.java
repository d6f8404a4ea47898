package io.wsmon.otel;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.wsmon.metrics.Figure;
import io.wsmon.metrics.Label;
import io.wsmon.metrics.MetricFamily;
import io.wsmon.metrics.MetricType;
import io.wsmon.metrics.Sample;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One observable instrument per OpenTelemetry name, registered on a meter the first time a family of that
 * name appears; each callback records the points of the latest families. Counters are observable counters
 * (the SDK reports their cumulative value), the rest gauges. Used from one thread at a time (the exporter's).
 */
final class FamilyInstruments {

    /** Attributes whose semantic convention type is an integer. */
    private static final Set<String> INTEGER_ATTRIBUTES = Set.of("cpu.logical_number");

    private final Meter meter;
    private final Set<String> registered = new HashSet<>();
    private volatile Map<String, List<Point>> latest = Map.of();

    FamilyInstruments(Meter meter) {
        this.meter = meter;
    }

    /**
     * Makes these families the ones the next collection records, registering instruments for new names.
     *
     * @param families the latest families
     */
    void update(List<MetricFamily> families) {
        Map<String, List<Point>> points = new LinkedHashMap<>();
        for (MetricFamily family : families) {
            Figure figure = family.figure();
            if (figure.otelName() == null) {
                continue;
            }
            List<Point> list = points.computeIfAbsent(figure.otelName(), k -> new ArrayList<>());
            for (Sample sample : family.samples()) {
                list.add(new Point(attributes(sample), sample.value()));
            }
            if (registered.add(figure.otelName())) {
                register(figure);
            }
        }
        latest = points;
    }

    private void register(Figure figure) {
        String name = figure.otelName();
        if (figure.type() == MetricType.COUNTER) {
            meter.counterBuilder(name).ofDoubles().setDescription(figure.help()).setUnit(figure.unit().otel())
                    .buildWithCallback(m -> record(name, m));
        } else {
            meter.gaugeBuilder(name).setDescription(figure.help()).setUnit(figure.unit().otel())
                    .buildWithCallback(m -> record(name, m));
        }
    }

    private void record(String name, ObservableDoubleMeasurement measurement) {
        for (Point point : latest.getOrDefault(name, List.of())) {
            measurement.record(point.value(), point.attributes());
        }
    }

    private static Attributes attributes(Sample sample) {
        AttributesBuilder builder = Attributes.builder();
        for (Label label : sample.otelAttributes()) {
            String key = label.key().otel();
            if (label.value().isEmpty()) {
                continue; // unknown: left out, as Prometheus leaves out an empty label
            }
            if (INTEGER_ATTRIBUTES.contains(key) && label.value().matches("\\d{1,18}")) {
                builder.put(key, Long.parseLong(label.value()));
            } else {
                builder.put(key, label.value());
            }
        }
        return builder.build();
    }

    private record Point(Attributes attributes, double value) {}
}
