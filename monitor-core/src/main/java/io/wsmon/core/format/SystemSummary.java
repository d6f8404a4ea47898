package io.wsmon.core.format;

import io.wsmon.api.DiskInfo;
import io.wsmon.api.GpuDevice;
import io.wsmon.api.Snapshot;
import java.time.Duration;
import java.util.Locale;

/** A snapshot as a few lines of text (the seed's {@code get_system_summary()}). */
public final class SystemSummary {

    private SystemSummary() {}

    /**
     * @param snapshot the snapshot to describe
     * @return one line per section present, without a trailing newline
     */
    public static String of(Snapshot snapshot) {
        StringBuilder text = new StringBuilder();
        snapshot.system().ifPresent(s -> line(text, "System", "%s %s (%s) on %s, up %s, %d processes",
                s.osName(), s.osRelease(), s.machine(), s.hostname(),
                Units.duration(Duration.ofSeconds(s.uptimeSeconds())), s.processes()));
        snapshot.processor().ifPresent(p -> line(text, "CPU", "%s of %d logical / %d physical cores%s",
                Units.percent(p.usagePercent()), p.logicalCount(), p.coreCount(),
                p.frequencyCurrent() == null ? "" : String.format(Locale.ROOT, " at %.0f MHz", p.frequencyCurrent())));
        snapshot.memory().ifPresent(m -> line(text, "Memory", "%s used, %s of %s available",
                Units.percent(m.percentage()), Units.bytes(m.available()), Units.bytes(m.total())));
        for (DiskInfo disk : snapshot.disks().isEmpty() ? snapshot.disk().stream().toList() : snapshot.disks()) {
            line(text, "Disk " + disk.path(), "%s used, %s free of %s",
                    Units.percent(disk.percentage()), Units.bytes(disk.free()), Units.bytes(disk.total()));
        }
        snapshot.network().ifPresent(n -> line(text, "Network", "%s/s sent, %s/s received",
                Units.bytes(n.bytesSentPerSec()), Units.bytes(n.bytesRecvPerSec())));
        snapshot.gpu().ifPresent(g -> {
            for (GpuDevice gpu : g.gpus()) {
                line(text, "GPU " + gpu.id(), "%s%s%s", gpu.name(),
                        gpu.gpuUsagePercent() == null ? "" : ", " + Units.percent(gpu.gpuUsagePercent()) + " busy",
                        gpu.temperature() == null ? "" : String.format(Locale.ROOT, ", %.0f °C", gpu.temperature()));
            }
        });
        snapshot.jvm().ifPresent(j -> line(text, "Service", "heap %s of %s, RSS %s, %d threads",
                Units.bytes(j.heapUsed()), j.heapMax() < 0 ? "unlimited" : Units.bytes(j.heapMax()),
                j.rss() < 0 ? "unknown" : Units.bytes(j.rss()), j.threads()));
        snapshot.alerts().forEach(a -> line(text, "Alert", "%s %s", a.level(), a.message()));
        return text.toString().stripTrailing();
    }

    private static void line(StringBuilder text, String label, String format, Object... args) {
        text.append(String.format(Locale.ROOT, "%-10s %s", label + ":", String.format(Locale.ROOT, format, args)))
                .append('\n');
    }
}
