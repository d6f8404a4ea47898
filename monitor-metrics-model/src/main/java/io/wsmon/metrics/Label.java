package io.wsmon.metrics;

import java.util.Objects;

/**
 * One label of a sample: a key and its value.
 *
 * @param key the key, with its name in each engine
 * @param value the value; empty when unknown (Prometheus treats an empty label as absent)
 */
public record Label(LabelKey key, String value) {

    /** Checks that both parts are present. */
    public Label {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
