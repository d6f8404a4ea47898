package io.wsmon.metrics.snapshot;

import java.time.Instant;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One JSON object of a section in its wire form ({@link WireTree}), read by field name. A field that is
 * absent or of another kind reads as empty.
 *
 * @param fields the object's fields by wire name
 */
record WireNode(Map<String, Object> fields) {

    /**
     * Wraps a wire value that should be an object.
     *
     * @param value a value from {@link WireTree#of}
     * @return the object, or empty when the value is not one
     */
    @SuppressWarnings("unchecked")
    static Optional<WireNode> of(Object value) {
        return value instanceof Map<?, ?> map ? Optional.of(new WireNode((Map<String, Object>) map)) : Optional.empty();
    }

    /** A number, or a boolean as 1 or 0. */
    OptionalDouble number(String name) {
        return asNumber(fields.get(name));
    }

    /** Text. */
    Optional<String> text(String name) {
        Object value = fields.get(name);
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** A point in time, in seconds since the epoch. */
    OptionalDouble epochSeconds(String name) {
        Object value = fields.get(name);
        if (value instanceof TemporalAccessor time && time.isSupported(ChronoField.INSTANT_SECONDS)) {
            Instant instant = Instant.from(time);
            return OptionalDouble.of(instant.getEpochSecond() + instant.getNano() / 1e9);
        }
        return OptionalDouble.empty();
    }

    /** A nested object. */
    Optional<WireNode> child(String name) {
        return of(fields.get(name));
    }

    /** A list of objects; elements of other kinds are skipped. */
    List<WireNode> children(String name) {
        return fields.get(name) instanceof List<?> list
                ? list.stream().map(WireNode::of).flatMap(Optional::stream).toList()
                : List.of();
    }

    /** A list of numbers; an element that is not a number reads as NaN. */
    List<Double> numbers(String name) {
        return fields.get(name) instanceof List<?> list
                ? list.stream().map(v -> asNumber(v).orElse(Double.NaN)).toList()
                : List.of();
    }

    static OptionalDouble asNumber(Object value) {
        if (value instanceof Number n) {
            return OptionalDouble.of(n.doubleValue());
        }
        if (value instanceof Boolean b) {
            return OptionalDouble.of(b ? 1 : 0);
        }
        return OptionalDouble.empty();
    }
}
