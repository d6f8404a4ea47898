package io.wsmon.metrics;

import java.util.Objects;

/**
 * What a family measures and its name in each engine: the identity of a {@link MetricFamily}.
 *
 * <p>Several figures may share one OpenTelemetry name when OpenTelemetry tells them apart by an attribute
 * where Prometheus has a family each (bytes received and sent are {@code node_network_receive_bytes_total}
 * and {@code node_network_transmit_bytes_total}, but one {@code system.network.io} with a direction);
 * they then have the same type and unit.
 *
 * @param prometheusName the Prometheus family name as scraped, counters with {@code _total}; {@code null}
 *     when the figure is not exported to Prometheus (nor to Micrometer, which follows Prometheus)
 * @param otelName the OpenTelemetry metric name; {@code null} when the figure is not exported there
 * @param type gauge or counter
 * @param unit the base unit
 * @param help one sentence saying what the figure is, the family's {@code HELP}
 */
public record Figure(String prometheusName, String otelName, MetricType type, MetricUnit unit, String help) {

    /** Checks that the figure has a name, a type, a unit and help. */
    public Figure {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(help, "help");
        if (prometheusName == null && otelName == null) {
            throw new IllegalArgumentException("figure: needs a Prometheus or an OpenTelemetry name, got neither");
        }
        if (prometheusName != null && type == MetricType.COUNTER && !prometheusName.endsWith("_total")) {
            throw new IllegalArgumentException(
                    "prometheusName: a counter's name ends with _total, got '" + prometheusName + "'");
        }
    }

    /**
     * A gauge.
     *
     * @param prometheusName the Prometheus name, or {@code null}
     * @param otelName the OpenTelemetry name, or {@code null}
     * @param unit the base unit
     * @param help what it is
     * @return the figure
     */
    public static Figure gauge(String prometheusName, String otelName, MetricUnit unit, String help) {
        return new Figure(prometheusName, otelName, MetricType.GAUGE, unit, help);
    }

    /**
     * A counter.
     *
     * @param prometheusName the Prometheus name ending with {@code _total}, or {@code null}
     * @param otelName the OpenTelemetry name, or {@code null}
     * @param unit the base unit
     * @param help what it is
     * @return the figure
     */
    public static Figure counter(String prometheusName, String otelName, MetricUnit unit, String help) {
        return new Figure(prometheusName, otelName, MetricType.COUNTER, unit, help);
    }
}
