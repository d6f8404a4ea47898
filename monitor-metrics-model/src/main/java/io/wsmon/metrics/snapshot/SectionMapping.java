package io.wsmon.metrics.snapshot;

import java.util.OptionalDouble;

/** Turns one section, in its wire form, into samples. */
interface SectionMapping {

    /**
     * Maps a section.
     *
     * @param name the section's name
     * @param wire the section's value as {@link WireTree#of} gives it
     * @param out where the samples go
     */
    void map(String name, Object wire, Families out);

    /** Percent (0–100) as a ratio (0–1). */
    static OptionalDouble ratio(OptionalDouble percent) {
        return scaled(percent, 0.01);
    }

    /** A value times a factor, empty when absent. */
    static OptionalDouble scaled(OptionalDouble value, double factor) {
        return value.isPresent() ? OptionalDouble.of(value.getAsDouble() * factor) : value;
    }
}
