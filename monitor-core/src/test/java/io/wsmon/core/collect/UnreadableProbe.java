package io.wsmon.core.collect;

import io.wsmon.api.MemoryInfo;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** A probe that reads nothing: a test overrides what its monitor reads. */
class UnreadableProbe implements HostProbe {

    @Override
    public boolean neverBlocks() {
        return true;
    }

    @Override
    public CpuTicks cpuTicks() {
        throw new UnsupportedOperationException();
    }

    @Override
    public OptionalDouble currentFrequencyMhz() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Double> loadAverage() {
        throw new UnsupportedOperationException();
    }

    @Override
    public MemoryInfo memory() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int processCount() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<InterfaceCounters> networkCounters() {
        throw new UnsupportedOperationException();
    }

    @Override
    public long processResidentBytes() {
        throw new UnsupportedOperationException();
    }

    @Override
    public OptionalLong processCpuNanos() {
        throw new UnsupportedOperationException();
    }

    @Override
    public OptionalLong processOpenFiles() {
        throw new UnsupportedOperationException();
    }

    @Override
    public OptionalInt processTcpConnections() {
        throw new UnsupportedOperationException();
    }
}
