package io.wsmon.ws.cli;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertLevel;
import io.wsmon.api.CpuTimesPercent;
import io.wsmon.api.DiskInfo;
import io.wsmon.api.GpuDevice;
import io.wsmon.api.PressureStall;
import io.wsmon.api.Snapshot;
import io.wsmon.core.format.Units;
import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The live console view (the seed's display manager): in compact mode one line per tick; in detailed
 * mode a screen per tick with a header, each metric with a bar, the alerts and the connections. On a
 * terminal the detailed screen is redrawn in place and levels are coloured; elsewhere (a pipe, a file,
 * {@code NO_COLOR}) it is plain text without escape codes.
 */
final class ConsoleView {

    private static final String CLEAR = "\033[H\033[2J";
    private static final String RESET = "\033[0m";
    private static final String YELLOW = "\033[33m";
    private static final String RED = "\033[31m";
    private static final int BAR_WIDTH = 30;
    private static final int RECENT_SHOWN = 5;
    private static final int TOP_SHOWN = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final DisplayMode mode;
    private final boolean terminal;

    /**
     * @param out where to print
     * @param mode compact or detailed ({@link DisplayMode#NONE} prints nothing)
     * @param terminal whether {@code out} is a terminal that understands escape codes
     */
    ConsoleView(PrintStream out, DisplayMode mode, boolean terminal) {
        this.out = out;
        this.mode = mode;
        this.terminal = terminal;
    }

    void render(Snapshot snapshot, ServerStatus status) {
        switch (mode) {
            case COMPACT -> out.println(compactLine(snapshot, status));
            case DETAILED -> out.print((terminal ? CLEAR : "") + detailedScreen(snapshot, status));
            case NONE -> { }
        }
        out.flush();
    }

    String compactLine(Snapshot snapshot, ServerStatus status) {
        StringBuilder line = new StringBuilder();
        line.append(TIME.format(snapshot.timestamp())).append(" #").append(snapshot.seq());
        snapshot.processor().ifPresent(p -> line.append(" | CPU ").append(Units.percent(p.usagePercent())));
        snapshot.memory().ifPresent(m -> line.append(" | MEM ").append(Units.percent(m.percentage())));
        snapshot.disk().ifPresent(d -> line.append(" | DISK ").append(Units.percent(d.percentage())));
        snapshot.network().ifPresent(n -> line.append(" | NET ").append(Units.bytes(n.bytesSentPerSec()))
                .append("/s up ").append(Units.bytes(n.bytesRecvPerSec())).append("/s down"));
        snapshot.gpu().ifPresent(g -> g.gpus().forEach(gpu -> line.append(" | GPU").append(gpu.id()).append(' ')
                .append(gpu.gpuUsagePercent() == null ? "?" : Units.percent(gpu.gpuUsagePercent()))));
        line.append(" | clients ").append(status.connectedClients()).append('/').append(status.maxClients());
        if (!status.activeAlerts().isEmpty()) {
            AlertLevel worst = status.activeAlerts().stream().map(Alert::level).max(Enum::compareTo).orElseThrow();
            line.append(" | ").append(colour(worst, status.activeAlerts().size() + " alert"
                    + (status.activeAlerts().size() == 1 ? "" : "s")));
        }
        return line.toString();
    }

    String detailedScreen(Snapshot snapshot, ServerStatus status) {
        StringBuilder s = new StringBuilder();
        String rule = "=".repeat(72);
        s.append(rule).append('\n')
                .append(String.format(Locale.ROOT, " WSMON  %s  #%d  %s%n", status.address(), snapshot.seq(),
                        snapshot.timestamp().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).replace('T', ' ')))
                .append(rule).append('\n');
        snapshot.system().ifPresent(sys -> s.append(String.format(Locale.ROOT, " %s %s on %s, up %s, %d processes%n",
                sys.osName(), sys.osRelease(), sys.hostname(), Units.duration(Duration.ofSeconds(sys.uptimeSeconds())),
                sys.processes())));
        snapshot.processor().ifPresent(p -> {
            metric(s, "CPU", p.usagePercent(), p.logicalCount() + " threads"
                    + (p.frequencyCurrent() == null ? "" : String.format(Locale.ROOT, ", %.0f MHz", p.frequencyCurrent())));
            for (int core = 0; core < p.perCoreUsage().size(); core++) {
                metric(s, "  core " + core, p.perCoreUsage().get(core), "");
            }
            CpuTimesPercent t = p.timesPercent();
            if (t != null) {
                s.append(String.format(Locale.ROOT, " %-12s user %.1f%%, system %.1f%%, iowait %.1f%%, steal %.1f%%,"
                        + " idle %.1f%%%n", "", t.user(), t.system(), t.iowait(), t.steal(), t.idle()));
            }
        });
        snapshot.memory().ifPresent(m -> {
            metric(s, "Memory", m.percentage(), Units.bytes(m.used()) + " of " + Units.bytes(m.total()));
            if (m.swap() != null && m.swap().total() > 0) {
                metric(s, "Swap", m.swap().percentage(), Units.bytes(m.swap().used()) + " of " + Units.bytes(m.swap().total()));
            }
        });
        List<DiskInfo> disks = snapshot.disks().isEmpty() ? snapshot.disk().stream().toList() : snapshot.disks();
        for (DiskInfo disk : disks) {
            metric(s, "Disk " + disk.path(), disk.percentage(), Units.bytes(disk.free()) + " free of " + Units.bytes(disk.total()));
        }
        snapshot.gpu().ifPresent(g -> {
            for (GpuDevice gpu : g.gpus()) {
                if (gpu.gpuUsagePercent() != null) {
                    metric(s, "GPU " + gpu.id(), gpu.gpuUsagePercent(), gpu.name()
                            + (gpu.temperature() == null ? "" : String.format(Locale.ROOT, ", %.0f °C", gpu.temperature())));
                }
            }
        });
        snapshot.network().ifPresent(n -> s.append(String.format(Locale.ROOT, " %-12s %s/s sent, %s/s received%n",
                "Network", Units.bytes(n.bytesSentPerSec()), Units.bytes(n.bytesRecvPerSec()))));
        moreSections(s, snapshot);
        s.append('\n').append(" Alerts: ").append(status.activeAlerts().isEmpty() ? "none active" : "")
                .append('\n');
        for (Alert alert : status.activeAlerts()) {
            s.append("   ").append(colour(alert.level(), alert.level() + " " + alert.message())).append('\n');
        }
        List<Alert> recent = status.recentAlerts();
        for (Alert alert : recent.subList(Math.max(0, recent.size() - RECENT_SHOWN), recent.size())) {
            s.append("   ").append(TIME.format(alert.timestamp())).append(' ')
                    .append(colour(alert.level(), alert.level().toString())).append(' ').append(alert.message()).append('\n');
        }
        s.append(String.format(Locale.ROOT, "%n Clients: %d connected of %d, %d refused%n",
                status.connectedClients(), status.maxClients(), status.refusedRequests()));
        return s.toString();
    }

    /** The sections of SPEC §11: disk I/O, container, processes, sensors and pressure. */
    private static void moreSections(StringBuilder s, Snapshot snapshot) {
        snapshot.diskIo().ifPresent(io -> io.devices().forEach(d -> metric(s, "I/O " + d.name(), d.busyPercent(),
                Units.bytes(d.readBytesPerSec()) + "/s read, " + Units.bytes(d.writeBytesPerSec()) + "/s written")));
        snapshot.container().ifPresent(c -> {
            if (c.memoryPercent() != null) {
                metric(s, "Container", c.memoryPercent(), Units.bytes(c.memoryUsed()) + " of "
                        + Units.bytes(c.memoryLimit()) + " (cgroup v" + c.cgroupVersion() + ")");
            }
            if (c.cpuPercentOfLimit() != null) {
                metric(s, "  CPU limit", c.cpuPercentOfLimit(), String.format(Locale.ROOT, "of %.2f cores", c.cpuLimitCores()));
            }
        });
        snapshot.processes().ifPresent(p -> {
            s.append(String.format(Locale.ROOT, " %-12s %d (%d running, %d zombie), %d threads%n", "Processes",
                    p.total(), p.running(), p.zombie(), p.threads()));
            p.topCpu().stream().limit(TOP_SHOWN).forEach(proc -> s.append(String.format(Locale.ROOT,
                    " %-12s %6.1f%% CPU %9s  %d %s (%s)%n", "", proc.cpuPercent(), Units.bytes(proc.rss()), proc.pid(),
                    proc.name(), proc.user() == null ? "?" : proc.user())));
        });
        snapshot.sensors().ifPresent(sensors -> sensors.temperatures().forEach(t -> s.append(String.format(Locale.ROOT,
                " %-12s %5.1f °C  %s/%s%n", "Temperature", t.current(), t.chip(), t.label()))));
        snapshot.pressure().ifPresent(p -> s.append(String.format(Locale.ROOT,
                " %-12s cpu %s, memory %s, io %s (some, last 10 s)%n", "Pressure", avg10(p.cpu()), avg10(p.memory()),
                avg10(p.io()))));
    }

    private static String avg10(PressureStall stall) {
        return stall == null ? "?" : Units.percent(stall.some().avg10());
    }

    private static void metric(StringBuilder s, String label, double percent, String detail) {
        int filled = (int) Math.round(Math.max(0, Math.min(100, percent)) / 100 * BAR_WIDTH);
        s.append(String.format(Locale.ROOT, " %-12s [%s%s] %6s  %s%n", label, "#".repeat(filled),
                ".".repeat(BAR_WIDTH - filled), Units.percent(percent), detail));
    }

    private String colour(AlertLevel level, String text) {
        if (!terminal) {
            return text;
        }
        return (level == AlertLevel.CRITICAL ? RED : YELLOW) + text + RESET;
    }
}
