package io.wsmon.core.collect;

import io.wsmon.api.Monitor;
import io.wsmon.api.Snapshot;
import io.wsmon.core.collect.linux.ContainerMonitor;
import io.wsmon.core.collect.linux.DiskIoMonitor;
import io.wsmon.core.collect.linux.LinuxHostFacts;
import io.wsmon.core.collect.linux.LinuxHostProbe;
import io.wsmon.core.collect.linux.PressureMonitor;
import io.wsmon.core.collect.linux.ProcessesMonitor;
import io.wsmon.core.collect.linux.SensorsMonitor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Creates the built-in monitors that are enabled, sharing one probe and one reading of the host facts.
 * On Linux neither needs OSHI, whose start costs ~200 ms; elsewhere both come from OSHI. The
 * {@code processes}, {@code disk_io} and {@code sensors} monitors read {@code /proc} and {@code /sys} on
 * Linux and OSHI elsewhere; {@code container} and {@code pressure} exist on Linux only.
 */
public final class BuiltInMonitors {

    /**
     * The names of every built-in monitor, in section order; the last five exist on Linux only. The disk
     * monitor, {@code disk}, fills both the {@code disk} and the {@code disks} section.
     */
    public static final List<String> NAMES = List.of(Snapshot.PROCESSOR, Snapshot.MEMORY, DiskMonitor.NAME,
            Snapshot.SYSTEM, Snapshot.NETWORK, Snapshot.JVM, Snapshot.PROCESSES, Snapshot.DISK_IO, Snapshot.SENSORS,
            Snapshot.CONTAINER, Snapshot.PRESSURE);

    private BuiltInMonitors() {}

    /**
     * @param diskPaths the paths of the disk monitor
     * @param enabled which monitor names to create
     * @return the monitors in section order: processor, memory, disk, system, network, jvm, processes,
     *     disk_io, sensors, then on Linux container, pressure
     */
    public static List<Monitor<?>> create(List<Path> diskPaths, Predicate<String> enabled) {
        return create(diskPaths, enabled, LinuxHostProbe.isSupported());
    }

    /** As {@link #create(List, Predicate)}, reading {@code /proc} and {@code /sys} or not as {@code linux} says. */
    static List<Monitor<?>> create(List<Path> diskPaths, Predicate<String> enabled, boolean linux) {
        boolean needsFacts = enabled.test("processor") || enabled.test("system");
        boolean needsProbe = enabled.test("processor") || enabled.test("memory") || enabled.test("system")
                || enabled.test("network") || enabled.test("jvm");
        HostFacts facts = null;
        if (needsFacts && linux) {
            facts = LinuxHostFacts.read().orElse(null);
        }
        boolean needsOshiSections = enabled.test(Snapshot.PROCESSES) || enabled.test(Snapshot.DISK_IO)
                || enabled.test(Snapshot.SENSORS);
        OshiHost oshi = (needsFacts && facts == null) || ((needsProbe || needsOshiSections) && !linux)
                ? new OshiHost() : null;
        if (needsFacts && facts == null) {
            facts = oshi.readFacts();
        }
        HostProbe probe = linux ? new LinuxHostProbe() : oshi == null ? null : new OshiHostProbe(oshi);

        List<Monitor<?>> monitors = new ArrayList<>();
        if (enabled.test("processor")) {
            monitors.add(new ProcessorMonitor(facts, probe));
        }
        if (enabled.test("memory")) {
            monitors.add(new MemoryMonitor(probe));
        }
        if (enabled.test(DiskMonitor.NAME)) {
            monitors.add(new DiskMonitor(diskPaths));
        }
        if (enabled.test("system")) {
            monitors.add(new SystemMonitor(facts, probe));
        }
        if (enabled.test("network")) {
            monitors.add(new NetworkMonitor(probe));
        }
        if (enabled.test("jvm")) {
            monitors.add(new JvmMonitor(probe));
        }
        if (linux) {
            addIfEnabled(monitors, enabled, Snapshot.PROCESSES, ProcessesMonitor::new);
            addIfEnabled(monitors, enabled, Snapshot.DISK_IO, DiskIoMonitor::new);
            addIfEnabled(monitors, enabled, Snapshot.SENSORS, SensorsMonitor::new);
            addIfEnabled(monitors, enabled, Snapshot.CONTAINER, ContainerMonitor::new);
            addIfEnabled(monitors, enabled, Snapshot.PRESSURE, PressureMonitor::new);
        } else {
            addIfEnabled(monitors, enabled, Snapshot.PROCESSES, () -> new OshiProcessesMonitor(oshi));
            addIfEnabled(monitors, enabled, Snapshot.DISK_IO, () -> new OshiDiskIoMonitor(oshi));
            addIfEnabled(monitors, enabled, Snapshot.SENSORS, () -> new OshiSensorsMonitor(oshi));
        }
        return monitors;
    }

    private static void addIfEnabled(List<Monitor<?>> monitors, Predicate<String> enabled, String name,
            Supplier<Monitor<?>> monitor) {
        if (enabled.test(name)) {
            monitors.add(monitor.get());
        }
    }
}
