package io.wsmon.metrics.snapshot;

import io.wsmon.api.Alert;
import io.wsmon.api.Snapshot;
import io.wsmon.metrics.MetricFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one mapping from a snapshot to metric families (SPEC §10), shared by the Prometheus endpoint, the
 * OpenTelemetry exporter and the Micrometer binder.
 *
 * <p>Sections are read by their wire names: {@code processor}, {@code memory}, {@code disks} (or
 * {@code disk}), {@code system}, {@code network}, {@code jvm}, {@code gpu}, {@code disk_io},
 * {@code sensors}, {@code pressure}, {@code container} and {@code processes} by rules of their own
 * (node_exporter's names where it has the figure), any other section generically ({@code wsmon_<section>_
 * <field>}). Values are in base units. Per-process series are not made.
 *
 * <p>Thread-safe. The sections' families are computed once per snapshot and kept until the next one, so
 * any number of reads of the same snapshot cost one mapping.
 */
public final class SnapshotMetrics {

    private static final SectionMapping CUSTOM = new CustomSectionMapping();
    private static final SectionMapping FILESYSTEMS = new FilesystemMapping();
    private static final Map<String, SectionMapping> BUILT_IN = Map.ofEntries(
            Map.entry(Snapshot.PROCESSOR, new ProcessorMapping()),
            Map.entry(Snapshot.MEMORY, new MemoryMapping()),
            Map.entry(Snapshot.DISKS, FILESYSTEMS),
            Map.entry(Snapshot.SYSTEM, new SystemMapping()),
            Map.entry(Snapshot.NETWORK, new NetworkMapping()),
            Map.entry(Snapshot.JVM, new JvmMapping()),
            Map.entry(Snapshot.GPU, new GpuMapping()),
            Map.entry(Snapshot.DISK_IO, new DiskIoMapping()),
            Map.entry(Snapshot.SENSORS, new SensorsMapping()),
            Map.entry(Snapshot.PRESSURE, new PressureMapping()),
            Map.entry(Snapshot.CONTAINER, new ContainerMapping()),
            Map.entry(Snapshot.PROCESSES, new ProcessesMapping()));

    private volatile Mapped latest;

    /** Creates a mapping with an empty cache. */
    public SnapshotMetrics() {}

    /**
     * Every family: the snapshot's sections, the active alerts and the agent's own figures.
     *
     * @param snapshot the latest snapshot
     * @param activeAlerts the conditions above a threshold now
     * @param agent the agent's figures beside the snapshot
     * @return the families, sections first
     */
    public List<MetricFamily> families(Snapshot snapshot, List<Alert> activeAlerts, AgentFigures agent) {
        Families agentFamilies = new Families();
        AgentMapping.map(snapshot, activeAlerts, agent, agentFamilies);
        List<MetricFamily> sections = sectionFamilies(snapshot);
        List<MetricFamily> all = new ArrayList<>(sections);
        all.addAll(agentFamilies.build());
        return all;
    }

    /**
     * The families of the snapshot's sections alone, from the cache when this snapshot was mapped last.
     *
     * @param snapshot a snapshot
     * @return its families
     */
    public List<MetricFamily> sectionFamilies(Snapshot snapshot) {
        Mapped cached = latest;
        if (cached != null && cached.snapshot == snapshot) {
            return cached.families;
        }
        List<MetricFamily> families = map(snapshot);
        latest = new Mapped(snapshot, families);
        return families;
    }

    private static List<MetricFamily> map(Snapshot snapshot) {
        Families out = new Families();
        Map<String, Object> sections = snapshot.sections();
        for (Map.Entry<String, Object> section : sections.entrySet()) {
            String name = section.getKey();
            SectionMapping mapping = name.equals(Snapshot.DISK)
                    ? (sections.containsKey(Snapshot.DISKS) ? null : FILESYSTEMS)
                    : BUILT_IN.getOrDefault(name, CUSTOM);
            if (mapping != null) {
                mapping.map(name, WireTree.of(section.getValue()), out);
            }
        }
        return out.build();
    }

    private record Mapped(Snapshot snapshot, List<MetricFamily> families) {}
}
