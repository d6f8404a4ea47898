package io.wsmon.core.alert;

import io.wsmon.api.AlertLevel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A set of threshold changes applied together, the typed form of the seed's
 * {@code configure_thresholds({"memory_warning": 70, "memory_critical": 85, ...})}:
 * {@code Thresholds.builder().set(AlertMetric.MEMORY_USAGE, 70, 85).set(AlertMetric.DISK_USAGE, 80, 90).build()}.
 *
 * <p>Keys of the map form are the server's configuration keys: {@code memory_warning}, {@code memory_critical},
 * {@code disk_warning}, {@code disk_critical}, {@code disk_free_warning_gb}, {@code disk_free_critical_gb},
 * {@code cpu_warning}, {@code cpu_critical}, {@code swap_warning}, {@code swap_critical},
 * {@code gpu_memory_warning}, {@code gpu_memory_critical}, {@code gpu_temperature_warning},
 * {@code gpu_temperature_critical}, {@code temperature_warning}, {@code temperature_critical},
 * {@code container_memory_warning}, {@code container_memory_critical}, {@code disk_busy_warning},
 * {@code disk_busy_critical}, {@code pressure_memory_warning}, {@code pressure_memory_critical}
 * (see {@link AlertMetric#thresholdKey}).
 *
 * <p>Each value is checked for its unit when set; whether warning and critical fit together is checked when
 * the changes are applied to the current rules ({@code AlertManager.configureThresholds}).
 */
public final class Thresholds {

    private static final Map<String, Key> KEYS = keys();

    /**
     * One threshold: a metric and a level.
     *
     * @param metric the metric
     * @param level the level
     */
    public record Key(AlertMetric metric, AlertLevel level) {

        /** Checks that both parts are present. */
        public Key {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(level, "level");
        }

        /** @return the configuration key, for example {@code memory_warning} */
        public String name() {
            return metric.thresholdKey(level);
        }
    }

    private final Map<Key, Double> values;

    /**
     * Every key by its name, in metric then level order. A loop rather than a stream: the server builds
     * this on its way to the first snapshot, where each lambda costs a bootstrap the first time it runs.
     */
    private static Map<String, Key> keys() {
        Map<String, Key> keys = new LinkedHashMap<>();
        for (AlertMetric metric : AlertMetric.values()) {
            for (AlertLevel level : AlertLevel.values()) {
                Key key = new Key(metric, level);
                keys.putIfAbsent(key.name(), key);
            }
        }
        return keys;
    }

    private Thresholds(Map<Key, Double> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return a builder with no change */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the seed's map form.
     *
     * @param map configuration key to threshold: a {@link Number} or a decimal string
     * @return the changes
     * @throws IllegalArgumentException naming an unknown key, a value that is not a number, or a value out of range
     */
    public static Thresholds fromMap(Map<String, ?> map) {
        Builder builder = builder();
        map.forEach((key, value) -> builder.set(key, toDouble(key, value)));
        return builder.build();
    }

    private static double toDouble(String key, Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("threshold " + key + ": '" + value + "' is not a number");
        }
    }

    /** @return each changed threshold and its new value, in the order set */
    public Map<Key, Double> values() {
        return values;
    }

    /**
     * @param metric a metric
     * @param level a level
     * @return the new threshold of that metric and level, or empty when this set does not change it
     */
    public Optional<Double> get(AlertMetric metric, AlertLevel level) {
        return Optional.ofNullable(values.get(new Key(metric, level)));
    }

    /** @return the metrics with at least one changed threshold, in the order set */
    public Set<AlertMetric> metrics() {
        Set<AlertMetric> metrics = new LinkedHashSet<>();
        values.keySet().forEach(key -> metrics.add(key.metric()));
        return metrics;
    }

    /** @return each changed threshold by configuration key, in the order set */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        values.forEach((key, value) -> map.put(key.name(), value));
        return map;
    }

    /** @return for example {@code Thresholds{memory_warning=70.0, memory_critical=85.0}} */
    @Override
    public String toString() {
        return "Thresholds" + asMap();
    }

    /** Collects threshold changes; each setter checks its value at once. Not thread-safe. */
    public static final class Builder {
        private final Map<Key, Double> values = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets one threshold by its configuration key.
         *
         * @param key for example {@code "memory_warning"} or {@code "disk_free_critical_gb"}
         * @param value the threshold in the metric's unit
         * @return this builder
         * @throws IllegalArgumentException naming an unknown key or a value out of range
         */
        public Builder set(String key, double value) {
            Key known = KEYS.get(key);
            if (known == null) {
                throw new IllegalArgumentException("unknown threshold key '" + key + "'; known: "
                        + String.join(", ", KEYS.keySet()));
            }
            return set(known, value);
        }

        /**
         * Sets one threshold.
         *
         * @param component the component, for example {@code "gpu"}
         * @param metric the metric, for example {@code "temperature"}
         * @param level the level
         * @param value the threshold in the metric's unit
         * @return this builder
         * @throws IllegalArgumentException naming an unknown component or metric, or a value out of range
         */
        public Builder set(String component, String metric, AlertLevel level, double value) {
            return set(new Key(AlertMetric.of(component, metric), level), value);
        }

        private Builder set(Key key, double value) {
            String problem = key.metric().unit().problemWith(value);
            if (problem != null) {
                throw new IllegalArgumentException("threshold " + key.name() + ": " + problem);
            }
            values.put(key, value);
            return this;
        }

        /**
         * Sets both thresholds of a metric, for example {@code set(AlertMetric.MEMORY_USAGE, 70, 85)}.
         *
         * @param metric the metric
         * @param warning the warning threshold, in the metric's unit
         * @param critical the critical threshold, in the metric's unit
         * @return this builder
         * @throws IllegalArgumentException naming a value out of range
         */
        public Builder set(AlertMetric metric, double warning, double critical) {
            set(new Key(metric, AlertLevel.WARNING), warning);
            return set(new Key(metric, AlertLevel.CRITICAL), critical);
        }

        /** @return the changes */
        public Thresholds build() {
            return new Thresholds(values);
        }
    }
}
