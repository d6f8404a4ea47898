package io.wsmon.api;

/** How serious an {@link Alert} is. Levels are ordered: {@code CRITICAL} is above {@code WARNING}. */
public enum AlertLevel {
    /** A warning threshold was crossed. */
    WARNING,
    /** A critical threshold was crossed. */
    CRITICAL;

    /**
     * Whether this level is at least as serious as another.
     *
     * @param other the level to compare with
     * @return true when this level is {@code other} or above it
     */
    public boolean isAtLeast(AlertLevel other) {
        return compareTo(other) >= 0;
    }
}
