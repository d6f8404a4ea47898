package io.wsmon.core.alert.filter;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertLevel;
import java.util.Objects;

/**
 * Accepts alerts at a level or above.
 *
 * @param minimum the least serious level accepted
 */
public record MinimumLevelFilter(AlertLevel minimum) implements AlertFilter {

    /** Checks that the level is present. */
    public MinimumLevelFilter {
        Objects.requireNonNull(minimum, "minimum level");
    }

    @Override
    public boolean accepts(Alert alert) {
        return alert.level().isAtLeast(minimum);
    }
}
