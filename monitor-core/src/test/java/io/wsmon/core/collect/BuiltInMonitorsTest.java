package io.wsmon.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.Monitor;
import io.wsmon.core.collect.linux.DiskIoMonitor;
import io.wsmon.core.collect.linux.LinuxHostProbe;
import io.wsmon.core.collect.linux.ProcessesMonitor;
import io.wsmon.core.collect.linux.SensorsMonitor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BuiltInMonitorsTest {

    private static final List<String> NEW_SECTIONS =
            List.of("processes", "disk_io", "sensors", "container", "pressure");

    private static Map<String, Class<?>> classesOfNewSections(List<Monitor<?>> monitors) {
        return monitors.stream().filter(m -> NEW_SECTIONS.contains(m.name()))
                .collect(Collectors.toMap(Monitor::name, Object::getClass));
    }

    @Test
    void create_withoutProc_takesProcessesDiskIoAndSensorsFromOshiAndLeavesOutLinuxOnlySections() {
        List<Monitor<?>> monitors = BuiltInMonitors.create(List.of(Path.of("/")), name -> true, false);

        assertThat(classesOfNewSections(monitors)).containsOnly(
                Map.entry("processes", OshiProcessesMonitor.class),
                Map.entry("disk_io", OshiDiskIoMonitor.class),
                Map.entry("sensors", OshiSensorsMonitor.class));
        assertThat(monitors).extracting(Monitor::name)
                .containsExactly("processor", "memory", "disk", "system", "network", "jvm", "processes", "disk_io",
                        "sensors");
    }

    @Test
    void create_withoutProcAndOneLeftOut_leavesItOut() {
        List<Monitor<?>> monitors = BuiltInMonitors.create(List.of(Path.of("/")), name -> !name.equals("processes"),
                false);

        assertThat(monitors).extracting(Monitor::name).doesNotContain("processes").contains("disk_io", "sensors");
    }

    @Test
    void create_onLinux_readsProcAndSys() {
        Assumptions.assumeTrue(LinuxHostProbe.isSupported(), "needs Linux /proc");

        List<Monitor<?>> monitors = BuiltInMonitors.create(List.of(Path.of("/")), name -> true);

        assertThat(classesOfNewSections(monitors))
                .containsEntry("processes", ProcessesMonitor.class)
                .containsEntry("disk_io", DiskIoMonitor.class)
                .containsEntry("sensors", SensorsMonitor.class)
                .containsKeys("container", "pressure");
    }
}
