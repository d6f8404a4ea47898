package io.wsmon.core.collect;

import io.wsmon.api.MemoryInfo;
import io.wsmon.api.Snapshot;

/** The {@code memory} section: physical memory and swap. */
public final class MemoryMonitor extends ProbeMonitor<MemoryInfo> {

    /**
     * @param probe where memory figures are read
     */
    public MemoryMonitor(HostProbe probe) {
        super(probe);
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
