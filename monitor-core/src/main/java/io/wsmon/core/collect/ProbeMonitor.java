package io.wsmon.core.collect;

import io.wsmon.api.Monitor;

/**
 * A built-in monitor that reads through a {@link HostProbe}: it runs inline on the collection thread
 * exactly when its probe cannot block.
 *
 * @param <T> the section value
 */
abstract class ProbeMonitor<T> implements Monitor<T>, InlineMonitor {

    /** Where the monitor reads changing values. */
    protected final HostProbe probe;

    ProbeMonitor(HostProbe probe) {
        this.probe = probe;
    }

    @Override
    public final boolean runsInline() {
        return probe.neverBlocks();
    }
}
