package io.wsmon.core.collect;

import io.wsmon.api.ProcessorInfo;
import io.wsmon.api.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The {@code processor} section: usage from the difference between this tick's processor times and the
 * previous tick's (the first tick measures since boot), so collecting never sleeps.
 *
 * <p>{@code frequency_max} is always present: the host's maximum frequency ({@code cpufreq}, else the
 * frequency the model name states), else the highest current frequency seen since the service started.
 */
public final class ProcessorMonitor extends ProbeMonitor<ProcessorInfo> {

    private final HostFacts facts;
    private CpuTicks previous;
    private Double highestSeenMhz;

    /**
     * @param facts the host's static facts (core counts, maximum frequency)
     * @param probe where changing values are read
     */
    public ProcessorMonitor(HostFacts facts, HostProbe probe) {
        super(probe);
        this.facts = facts;
    }

    @Override
    public String name() {
        return Snapshot.PROCESSOR;
    }

    @Override
    public ProcessorInfo collect() throws Exception {
        CpuTicks now = probe.cpuTicks();
        CpuTicks before = previous;
        previous = now;
        List<Double> perCore = new ArrayList<>(now.perCore().size());
        for (int i = 0; i < now.perCore().size(); i++) {
            CpuTime earlier = before == null || i >= before.perCore().size() ? null : before.perCore().get(i);
            perCore.add(now.perCore().get(i).usagePercentSince(earlier));
        }
        OptionalDouble frequency = probe.currentFrequencyMhz();
        Double current = frequency.isPresent() ? frequency.getAsDouble() : null;
        if (current != null && (highestSeenMhz == null || current > highestSeenMhz)) {
            highestSeenMhz = current;
        }
        List<Double> load = probe.loadAverage();
        return new ProcessorInfo(
                now.all().usagePercentSince(before == null ? null : before.all()),
                perCore,
                facts.physicalCores(),
                facts.logicalProcessors(),
                current,
                facts.maxFrequencyMhz() != null ? facts.maxFrequencyMhz() : highestSeenMhz,
                load.isEmpty() ? null : load,
                now.modes() == null ? null : now.modes().percentSince(before == null ? null : before.modes()),
                now.perCoreSeconds(),
                now.tasksRunning(),
                now.tasksBlocked());
    }
}
