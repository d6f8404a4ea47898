package io.wsmon.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.testing.FakeMonitor;
import io.wsmon.core.testing.LogCapture;
import io.wsmon.core.testing.ManualTicks;
import io.wsmon.core.testing.SmallTmpfs;
import io.wsmon.core.time.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export directory fails under a running service: it turns read-only, or its disk fills up, and then
 * recovers. Both on a real tmpfs of a few pages ({@link SmallTmpfs}: remounting read-only stops root, which
 * file permissions would not). Ticks go on meanwhile, every failed export is counted, the failure is logged
 * once, no torn record is left, and the records of the failed exports are written once the disk is back.
 */
class ExportFaultsTest {

    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-03T10:00:00Z"), ZoneOffset.ofHours(1));
    private MonitoringService service;
    private ManualTicks ticks;

    @TempDir
    Path temp;

    @AfterEach
    void stop() {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void exportDirectoryTurnsReadOnly_exportsFailCountedLoggedOnce_ticksGoOn_thenRecovers() throws Exception {
        try (SmallTmpfs disk = SmallTmpfs.mount(temp, 1 << 20); LogCapture log = LogCapture.start()) {
            Path dir = disk.root().resolve("exports");
            start(dir, 100);
            service.forceExport().get(10, TimeUnit.SECONDS);

            disk.readOnly(true);
            for (int i = 0; i < 3; i++) {
                ticks.next();
                assertExportFails();
            }
            disk.readOnly(false);
            ticks.next();
            service.forceExport().get(10, TimeUnit.SECONDS);

            assertThat(service.statistics().exporters().get("json_file").errors()).isEqualTo(3);
            assertThat(log.lines("WARN", "exporter 'json_file'")).hasSize(1);
            assertThat(seqs(onlyFile(dir))).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    @Test
    void exportDiskFull_writeCutOffCountedLoggedOnce_noTornRecord_ticksGoOn_thenRecovers() throws Exception {
        try (SmallTmpfs disk = SmallTmpfs.mount(temp, 256 * 1024); LogCapture log = LogCapture.start()) {
            Path dir = disk.root().resolve("exports");
            start(dir, 6000); // each record larger than a page, so that a full disk cuts one short
            service.forceExport().get(10, TimeUnit.SECONDS);
            Path file = onlyFile(dir);
            long sizeBefore = Files.size(file);

            Path filler = disk.fill();
            for (int i = 0; i < 3; i++) {
                ticks.next();
                assertExportFails();
            }
            assertThat(Files.size(file)).as("a write cut short is cut off again").isEqualTo(sizeBefore);
            assertThat(seqs(file)).containsExactly(1L);

            Files.delete(filler);
            ticks.next();
            service.forceExport().get(10, TimeUnit.SECONDS);

            assertThat(service.statistics().exporters().get("json_file").errors()).isEqualTo(3);
            assertThat(log.lines("WARN", "exporter 'json_file'")).hasSize(1);
            assertThat(seqs(file)).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    /** Starts a service exporting to {@code dir}, with a section of {@code padding} bytes, and waits for its first tick. */
    private void start(Path dir, int padding) {
        service = MonitoringService.builder().interval(INTERVAL).clock(clock).ticker(clock).discovery(false)
                .onlyMonitors("memory", "padding").monitor(new FakeMonitor("padding", () -> "x".repeat(padding)))
                .exporter(new JsonFileExporter(dir)).start();
        ticks = new ManualTicks(service, clock, INTERVAL);
        ticks.await(1);
    }

    private void assertExportFails() {
        assertThatThrownBy(() -> service.forceExport().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(IOException.class);
    }

    private static Path onlyFile(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    /** The seq of every record; fails on a torn one. */
    private static List<Long> seqs(Path file) throws IOException {
        List<Long> seqs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                MappingIterator<JsonNode> records = MAPPER.readerFor(JsonNode.class).readValues(in)) {
            while (records.hasNext()) {
                seqs.add(records.next().get("seq").asLong());
            }
        }
        return seqs;
    }
}
