package io.wsmon.metrics;

/**
 * The name of one label, as a Prometheus label and as an OpenTelemetry attribute. A key one engine has no
 * use for is {@code null} on that side: the total CPU's {@code cpu="all"} is a Prometheus label only (in
 * OpenTelemetry the total is the point without a CPU), the {@code network.io.direction} of a network
 * figure is an attribute only (Prometheus has two families).
 *
 * @param prometheus the Prometheus label name, or {@code null} when the label is not written there
 * @param otel the OpenTelemetry attribute name, or {@code null} when it is not written there
 */
public record LabelKey(String prometheus, String otel) {

    /** Checks that the key names at least one side. */
    public LabelKey {
        if (prometheus == null && otel == null) {
            throw new IllegalArgumentException("label key: needs a Prometheus or an OpenTelemetry name, got neither");
        }
    }

    /**
     * A key written in both engines.
     *
     * @param prometheus the Prometheus label name
     * @param otel the OpenTelemetry attribute name
     * @return the key
     */
    public static LabelKey of(String prometheus, String otel) {
        return new LabelKey(prometheus, otel);
    }

    /**
     * A key written only as a Prometheus label.
     *
     * @param name the label name
     * @return the key
     */
    public static LabelKey prometheusOnly(String name) {
        return new LabelKey(name, null);
    }

    /**
     * A key written only as an OpenTelemetry attribute.
     *
     * @param name the attribute name
     * @return the key
     */
    public static LabelKey otelOnly(String name) {
        return new LabelKey(null, name);
    }

    /**
     * This key with a value.
     *
     * @param value the value; {@code null} is written as the empty string
     * @return the label
     */
    public Label is(String value) {
        return new Label(this, value == null ? "" : value);
    }
}
