package io.wsmon.core.discovery;

import io.wsmon.api.Monitor;

/** A provider whose constructor throws, as a broken extension jar would. */
public final class BrokenMonitor implements Monitor<Object> {

    /** Always fails. */
    public BrokenMonitor() {
        throw new IllegalStateException("broken extension");
    }

    @Override
    public String name() {
        return "broken";
    }

    @Override
    public Object collect() {
        return null;
    }
}
