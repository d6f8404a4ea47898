package io.wsmon.metrics.snapshot;

import static io.wsmon.metrics.MetricUnit.NONE;
import static io.wsmon.metrics.MetricUnit.SECONDS;

import io.wsmon.metrics.Figure;
import io.wsmon.metrics.LabelKey;

/**
 * The {@code system} section: boot time, uptime, the kernel's names (with node_exporter's labels for
 * {@code node_uname_info}, {@code domainname} included), the number of processes.
 */
final class SystemMapping implements SectionMapping {

    static final Figure BOOT_TIME = Figure.gauge("node_boot_time_seconds", null, SECONDS,
            "When the host booted, in seconds since the epoch");
    static final Figure UPTIME = Figure.gauge(null, "system.uptime", SECONDS, "Time since the host booted");
    static final Figure UNAME = Figure.gauge("node_uname_info", null, NONE,
            "The operating system's names, as labels; always 1");
    static final Figure PROCESSES = Figure.gauge("wsmon_system_processes", "system.process.count", NONE,
            "Processes on the host");

    private static final LabelKey SYSNAME = LabelKey.prometheusOnly("sysname");
    private static final LabelKey RELEASE = LabelKey.prometheusOnly("release");
    private static final LabelKey VERSION = LabelKey.prometheusOnly("version");
    private static final LabelKey MACHINE = LabelKey.prometheusOnly("machine");
    private static final LabelKey NODENAME = LabelKey.prometheusOnly("nodename");
    private static final LabelKey DOMAINNAME = LabelKey.prometheusOnly("domainname");

    @Override
    public void map(String name, Object wire, Families out) {
        WireNode.of(wire).ifPresent(s -> {
            out.add(BOOT_TIME, s.epochSeconds("boot_time"));
            out.add(UPTIME, s.number("uptime_seconds"));
            out.add(UNAME, 1, SYSNAME.is(s.text("os_name").orElse("")), RELEASE.is(s.text("os_release").orElse("")),
                    VERSION.is(s.text("os_version").orElse("")), MACHINE.is(s.text("machine").orElse("")),
                    NODENAME.is(s.text("hostname").orElse("")), DOMAINNAME.is(s.text("domainname").orElse("")));
            out.add(PROCESSES, s.number("processes"));
        });
    }
}
