package io.wsmon.ws.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The distinct section sets clients subscribe to, so each tick encodes each shape once. Counted on the
 * event loop thread; read by the delivery thread through an immutable copy.
 */
final class SubscriptionShapes {

    private final Map<Set<String>, Integer> counts = new HashMap<>();
    private volatile Set<Set<String>> current = Set.of();

    /**
     * A client starts using a shape.
     *
     * @param sections the shape, or {@code null} for the whole snapshot (not counted)
     */
    void add(Set<String> sections) {
        if (sections != null && counts.merge(sections, 1, Integer::sum) == 1) {
            current = Set.copyOf(counts.keySet());
        }
    }

    /**
     * A client stops using a shape.
     *
     * @param sections the shape, or {@code null}
     */
    void remove(Set<String> sections) {
        if (sections != null && counts.merge(sections, -1, Integer::sum) <= 0) {
            counts.remove(sections);
            current = Set.copyOf(counts.keySet());
        }
    }

    /** @return the shapes in use, safe to read from any thread */
    Set<Set<String>> current() {
        return current;
    }
}
