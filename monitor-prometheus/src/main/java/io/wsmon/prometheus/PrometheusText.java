package io.wsmon.prometheus;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import io.wsmon.metrics.Figure;
import io.wsmon.metrics.Label;
import io.wsmon.metrics.MetricFamily;
import io.wsmon.metrics.MetricType;
import io.wsmon.metrics.Sample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes metric families in a Prometheus exposition format. Thread-safe.
 *
 * <p>Only families with a Prometheus name are written. Every family has {@code HELP} and {@code TYPE};
 * OpenMetrics adds {@code UNIT} where the name ends with its unit.
 */
public final class PrometheusText {

    private static final String TOTAL = "_total";
    private static final int INITIAL_BUFFER = 16 * 1024;

    private final ExpositionFormats formats = ExpositionFormats.init();

    /**
     * One rendering.
     *
     * @param contentType the {@code Content-Type} of the body
     * @param body the exposition
     */
    public record Rendered(String contentType, byte[] body) {}

    /**
     * Writes families in the format an {@code Accept} header asks for: OpenMetrics when it names
     * {@code application/openmetrics-text}, else the Prometheus text format 0.0.4.
     *
     * @param families the families
     * @param accept the request's {@code Accept} header, or {@code null}
     * @return the body and its content type
     */
    public Rendered render(List<MetricFamily> families, String accept) {
        ExpositionFormatWriter writer = writer(accept);
        ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER);
        try {
            writer.write(out, snapshots(families), EscapingScheme.fromAcceptHeader(accept));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics", e);
        }
        return new Rendered(writer.getContentType(), out.toByteArray());
    }

    private ExpositionFormatWriter writer(String accept) {
        if (accept != null && accept.contains("application/openmetrics-text")) {
            return formats.getOpenMetricsTextFormatWriter();
        }
        return formats.getPrometheusTextFormatWriter();
    }

    /**
     * The families as Prometheus' model holds them.
     *
     * @param families the families
     * @return one snapshot per family with a Prometheus name
     */
    static MetricSnapshots snapshots(List<MetricFamily> families) {
        List<MetricSnapshot> out = new ArrayList<>(families.size());
        for (MetricFamily family : families) {
            Figure figure = family.figure();
            if (figure.prometheusName() != null) {
                out.add(figure.type() == MetricType.COUNTER ? counter(family) : gauge(family));
            }
        }
        return new MetricSnapshots(out);
    }

    private static MetricSnapshot gauge(MetricFamily family) {
        String name = family.figure().prometheusName();
        GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(family.figure().help());
        unit(family.figure(), name).ifPresent(builder::unit);
        for (Sample sample : family.samples()) {
            builder.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                    .labels(labels(sample)).value(sample.value()).build());
        }
        return builder.build();
    }

    /** The model adds {@code _total} to a counter's name itself. */
    private static MetricSnapshot counter(MetricFamily family) {
        String full = family.figure().prometheusName();
        String name = full.substring(0, full.length() - TOTAL.length());
        CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(family.figure().help());
        unit(family.figure(), name).ifPresent(builder::unit);
        for (Sample sample : family.samples()) {
            builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(labels(sample)).value(sample.value()).build());
        }
        return builder.build();
    }

    /** OpenMetrics requires a family with a unit to end with it; node_exporter's names do not all. */
    private static Optional<Unit> unit(Figure figure, String name) {
        String unit = figure.unit().prometheus();
        return unit != null && name.endsWith("_" + unit) ? Optional.of(new Unit(unit)) : Optional.empty();
    }

    private static Labels labels(Sample sample) {
        List<Label> labels = sample.prometheusLabels();
        if (labels.isEmpty()) {
            return Labels.EMPTY;
        }
        String[] names = new String[labels.size()];
        String[] values = new String[labels.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = labels.get(i).key().prometheus();
            values[i] = labels.get(i).value();
        }
        return Labels.of(names, values);
    }
}
