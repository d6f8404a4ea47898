package io.wsmon.metrics;

/**
 * The base unit of a figure, as each engine spells it. Figures are always in base units: bytes, seconds,
 * ratios 0–1 (never percent), hertz, degrees Celsius, watts.
 */
public enum MetricUnit {
    /** Bytes. */
    BYTES("bytes", "By"),
    /** Bytes per second. */
    BYTES_PER_SECOND("bytes_per_second", "By/s"),
    /** Seconds. */
    SECONDS("seconds", "s"),
    /** A share between 0 and 1. */
    RATIO("ratio", "1"),
    /** Hertz. */
    HERTZ("hertz", "Hz"),
    /** Degrees Celsius. */
    CELSIUS("celsius", "Cel"),
    /** Watts. */
    WATTS("watts", "W"),
    /** Revolutions per minute. */
    RPM("rpm", "{rpm}"),
    /** Logical processors. */
    CORES("cores", "{cpu}"),
    /** A plain number: a count, a load average, a flag. */
    NONE(null, "1");

    private final String prometheus;
    private final String otel;

    MetricUnit(String prometheus, String otel) {
        this.prometheus = prometheus;
        this.otel = otel;
    }

    /**
     * The unit as Prometheus names end with it, for example {@code bytes} in
     * {@code node_memory_MemTotal_bytes}; it is also Micrometer's base unit.
     *
     * @return the suffix, or {@code null} for {@link #NONE}
     */
    public String prometheus() {
        return prometheus;
    }

    /**
     * The unit in UCUM, as OpenTelemetry writes it, for example {@code By}.
     *
     * @return the unit
     */
    public String otel() {
        return otel;
    }
}
