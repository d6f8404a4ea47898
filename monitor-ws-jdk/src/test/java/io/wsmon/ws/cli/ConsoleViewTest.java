package io.wsmon.ws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertLevel;
import io.wsmon.api.DiskInfo;
import io.wsmon.api.MemoryInfo;
import io.wsmon.api.ProcessorInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SwapInfo;
import io.wsmon.core.json.SnapshotCodec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleViewTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-01-03T10:15:30.123456+01:00");
    private static final Alert MEMORY_WARNING = new Alert(AT, "memory", "usage_percent", null, 85.5, 80.0,
            AlertLevel.WARNING, "High memory usage: 85.5% (threshold: 80.0%)");
    private static final Alert DISK_CRITICAL = new Alert(AT, "disk", "usage_percent", "/", 96.2, 95.0,
            AlertLevel.CRITICAL, "Critical disk usage: 96.2% (threshold: 95.0%)");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private static Snapshot snapshot() {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("processor", new ProcessorInfo(25.5, List.of(20.0, 31.0), 2, 2, 2100.0, null, null));
        sections.put("memory", new MemoryInfo(16L << 30, 2L << 30, 14L << 30, 85.5, new SwapInfo(0, 0, 0, 0)));
        sections.put("disk", new DiskInfo("/", 100L << 30, 96L << 30, 4L << 30, 96.2));
        return Snapshot.of(42, AT, sections, List.of(), new SnapshotCodec()::encode);
    }

    private static ServerStatus status(List<Alert> active) {
        return new ServerStatus("ws://0.0.0.0:8765/", 3, 1000, 1, active, List.of(MEMORY_WARNING, DISK_CRITICAL));
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void compact_printsOneLinePerTick() {
        ConsoleView view = new ConsoleView(out, DisplayMode.COMPACT, false);

        view.render(snapshot(), status(List.of(MEMORY_WARNING, DISK_CRITICAL)));
        view.render(snapshot(), status(List.of()));

        assertThat(printed().lines()).containsExactly(
                "10:15:30 #42 | CPU 25.5% | MEM 85.5% | DISK 96.2% | clients 3/1000 | 2 alerts",
                "10:15:30 #42 | CPU 25.5% | MEM 85.5% | DISK 96.2% | clients 3/1000");
    }

    @Test
    void detailed_showsHeaderBarsAlertsAndClients() {
        new ConsoleView(out, DisplayMode.DETAILED, false).render(snapshot(), status(List.of(DISK_CRITICAL)));

        assertThat(printed())
                .contains(" WSMON  ws://0.0.0.0:8765/  #42  2026-01-03 10:15:30.123456")
                .contains(" CPU          [########......................]  25.5%  2 threads, 2100 MHz")
                .contains(" Memory       [##########################....]  85.5%  14.0 GB of 16.0 GB")
                .contains(" Disk /       [#############################.]  96.2%  4.0 GB free of 100.0 GB")
                .contains("   CRITICAL Critical disk usage: 96.2% (threshold: 95.0%)")
                .contains("   10:15:30 WARNING High memory usage: 85.5% (threshold: 80.0%)")
                .contains(" Clients: 3 connected of 1000, 1 refused")
                .doesNotContain("Swap");
    }

    @Test
    void detailed_moreSections_showTimesDiskIoContainerProcessesSensorsAndPressure() {
        Snapshot more = Snapshot.of(43, AT, io.wsmon.core.testing.Snapshots.moreSections(), List.of(),
                new SnapshotCodec()::encode);

        new ConsoleView(out, DisplayMode.DETAILED, false).render(more, status(List.of()));

        assertThat(printed())
                .contains("user 3.1%, system 1.2%, iowait 0.4%, steal 0.0%, idle 95.2%")
                .contains(" I/O vda      [####..........................]  12.5%  2.0 KB/s read, 4.0 KB/s written")
                .contains(" Container    [###############...............]  50.0%  256.0 MB of 512.0 MB (cgroup v2)")
                .contains(" Processes    250 (2 running, 2 zombie), 900 threads")
                .contains("12.5% CPU")
                .contains("1234 java (app)")
                .contains(" Temperature   45.0 °C  coretemp/Package id 0")
                .contains(" Pressure     cpu 0.5%, memory 0.5%, io 0.5% (some, last 10 s)");
    }

    @Test
    void notATerminal_printsNoEscapeCodes() {
        new ConsoleView(out, DisplayMode.DETAILED, false).render(snapshot(), status(List.of(DISK_CRITICAL)));
        new ConsoleView(out, DisplayMode.COMPACT, false).render(snapshot(), status(List.of(DISK_CRITICAL)));

        assertThat(printed()).doesNotContain("\033");
    }

    @Test
    void terminal_redrawsInPlaceAndColoursLevels() {
        new ConsoleView(out, DisplayMode.DETAILED, true).render(snapshot(), status(List.of(MEMORY_WARNING, DISK_CRITICAL)));

        assertThat(printed()).startsWith("\033[H\033[2J")
                .contains("\033[33mWARNING High memory usage")
                .contains("\033[31mCRITICAL Critical disk usage");
    }

    @Test
    void none_printsNothing() {
        new ConsoleView(out, DisplayMode.NONE, true).render(snapshot(), status(List.of(MEMORY_WARNING)));

        assertThat(printed()).isEmpty();
    }
}
