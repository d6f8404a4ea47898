package io.wsmon.core.alert.filter;

import io.wsmon.api.Alert;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Accepts alerts of some components only. Names are not checked against the built-in components, so
 * sections of custom monitors can be named too.
 *
 * @param components the accepted components, for example {@code memory} and {@code disk}
 */
public record ComponentFilter(Set<String> components) implements AlertFilter {

    /**
     * Copies the names and checks them.
     *
     * @throws IllegalArgumentException when no component is given or one is blank
     */
    public ComponentFilter {
        components = Set.copyOf(checked(components));
    }

    /**
     * @param components the accepted components
     * @throws IllegalArgumentException when no component is given or one is blank
     */
    public ComponentFilter(Collection<String> components) {
        this(new LinkedHashSet<>(components));
    }

    private static Set<String> checked(Set<String> components) {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("component filter needs at least one component");
        }
        for (String component : components) {
            if (component == null || component.isBlank()) {
                throw new IllegalArgumentException("component filter: component name must not be blank, got "
                        + (component == null ? "null" : "'" + component + "'"));
            }
        }
        return components;
    }

    @Override
    public boolean accepts(Alert alert) {
        return components.contains(alert.component());
    }
}
