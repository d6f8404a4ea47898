package io.wsmon.core.collect;

import io.wsmon.api.MemoryInfo;
import io.wsmon.api.Monitor;
import io.wsmon.api.Snapshot;

/** The {@code memory} section: physical memory and swap. */
public final class MemoryMonitor implements Monitor<MemoryInfo>, InlineMonitor {

    private final HostProbe probe;

    /**
     * @param probe where memory figures are read
     */
    public MemoryMonitor(HostProbe probe) {
        this.probe = probe;
    }

    @Override
    public boolean runsInline() {
        return probe.neverBlocks();
    }

    @Override
    public String name() {
        return Snapshot.MEMORY;
    }

    @Override
    public MemoryInfo collect() throws Exception {
        return probe.memory();
    }
}
