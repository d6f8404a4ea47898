package io.wsmon.core.discovery;

import io.wsmon.api.Monitor;

/** A monitor known only from this test module's {@code META-INF/services}. */
public final class DiscoveredMonitor implements Monitor<DiscoveredMonitor.Reading> {

    /** What it reports. */
    public record Reading(int answer) {}

    @Override
    public String name() {
        return "discovered";
    }

    @Override
    public Reading collect() {
        return new Reading(42);
    }
}
