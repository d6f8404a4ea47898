package io.wsmon.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsmon.api.Snapshot;
import io.wsmon.core.json.SnapshotCodec;
import io.wsmon.core.testing.Snapshots;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileExporterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OffsetDateTime DAY_1 = OffsetDateTime.parse("2026-01-03T23:59:30.000001+01:00");

    @TempDir
    Path dir;

    private static Snapshot snapshot(long seq, OffsetDateTime at) {
        return Snapshot.of(seq, at, Snapshots.sections(), List.of(), new SnapshotCodec()::encode);
    }

    private static List<Long> seqs(InputStream in) throws IOException {
        List<Long> seqs = new ArrayList<>();
        try (MappingIterator<JsonNode> records = MAPPER.readerFor(JsonNode.class).readValues(in)) {
            while (records.hasNext()) {
                seqs.add(records.next().get("seq").asLong());
            }
        }
        return seqs;
    }

    private static List<Long> plainSeqs(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return seqs(in);
        }
    }

    private static List<Long> gzipSeqs(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return seqs(in);
        }
    }

    @Test
    void export_defaults_appendPrettyRecordsToTheDaysFile() throws IOException {
        JsonFileExporter exporter = new JsonFileExporter(dir.resolve("monitoring_data"));

        exporter.export(snapshot(1, DAY_1));
        exporter.export(snapshot(2, DAY_1));

        Path file = dir.resolve("monitoring_data/monitoring_20260103.json");
        assertThat(plainSeqs(file)).containsExactly(1L, 2L);
        String text = Files.readString(file);
        assertThat(text).startsWith("{\n  \"type\" : \"monitoring_data\",").endsWith("}\n");
        assertThat(MAPPER.readTree(text.substring(0, text.indexOf("\n}\n") + 2)))
                .isEqualTo(MAPPER.readTree(snapshot(1, DAY_1).jsonText()));
    }

    @Test
    void export_notPretty_writesOneLinePerRecord() throws IOException {
        JsonFileExporter exporter = JsonFileExporter.builder(dir).pretty(false).build();

        exporter.export(snapshot(1, DAY_1));
        exporter.export(snapshot(2, DAY_1));

        List<String> lines = Files.readAllLines(dir.resolve("monitoring_20260103.json"));
        assertThat(lines).containsExactly(snapshot(1, DAY_1).jsonText(), snapshot(2, DAY_1).jsonText());
    }

    @Test
    void export_acrossMidnight_startsTheNextDaysFile() throws IOException {
        JsonFileExporter exporter = new JsonFileExporter(dir);

        exporter.export(snapshot(1, DAY_1));
        exporter.export(snapshot(2, DAY_1.plusMinutes(1)));

        assertThat(plainSeqs(dir.resolve("monitoring_20260103.json"))).containsExactly(1L);
        assertThat(plainSeqs(dir.resolve("monitoring_20260104.json"))).containsExactly(2L);
    }

    @Test
    void export_compressed_writesGzipMembersThatReadAsOneStream() throws IOException {
        JsonFileExporter exporter = JsonFileExporter.builder(dir).compress(true).build();

        exporter.export(snapshot(1, DAY_1));
        exporter.export(snapshot(2, DAY_1));

        assertThat(gzipSeqs(dir.resolve("monitoring_20260103.json.gz"))).containsExactly(1L, 2L);
    }

    @Test
    void files_areReadByJqAndZcat() throws Exception {
        assumeThat(Path.of("/usr/bin/jq")).as("jq is not installed (.ci/run installs it)").exists();
        JsonFileExporter plain = new JsonFileExporter(dir.resolve("plain"));
        JsonFileExporter gzip = JsonFileExporter.builder(dir.resolve("gzip")).compress(true).build();
        for (long seq = 1; seq <= 3; seq++) {
            plain.export(snapshot(seq, DAY_1));
            gzip.export(snapshot(seq, DAY_1));
        }

        assertThat(run("jq", "-c", ".seq", dir.resolve("plain/monitoring_20260103.json").toString()))
                .isEqualTo("1\n2\n3\n");
        assertThat(run("sh", "-c", "zcat " + dir.resolve("gzip/monitoring_20260103.json.gz") + " | jq -c .data.disk.path"))
                .isEqualTo("\"/\"\n\"/\"\n\"/\"\n");
    }

    @Test
    void start_afterACrashMidRecord_cutsTheTornRecordOff() throws IOException {
        Path file = dir.resolve("monitoring_20260103.json");
        new JsonFileExporter(dir).export(snapshot(1, DAY_1));
        byte[] second = snapshot(2, DAY_1).jsonText().getBytes(StandardCharsets.UTF_8);
        Files.write(file, Arrays.copyOf(second, second.length / 2), java.nio.file.StandardOpenOption.APPEND);

        new JsonFileExporter(dir).export(snapshot(3, DAY_1));

        assertThat(plainSeqs(file)).containsExactly(1L, 3L);
    }

    @Test
    void tornExportFile_afterACrash_isRepairedWhenTheExporterStartsNotAtItsFirstWrite() throws IOException {
        Path file = dir.resolve("monitoring_20260103.json");
        Path older = dir.resolve("monitoring_20260102.json");
        new JsonFileExporter(dir).export(snapshot(1, DAY_1));
        Files.writeString(older, "{\"seq\":0}\n");
        byte[] second = snapshot(2, DAY_1).jsonText().getBytes(StandardCharsets.UTF_8);
        Files.write(file, Arrays.copyOf(second, second.length / 2), java.nio.file.StandardOpenOption.APPEND);

        new JsonFileExporter(dir).start(null);

        assertThat(plainSeqs(file)).containsExactly(1L);
        assertThat(Files.readString(older)).isEqualTo("{\"seq\":0}\n");
    }

    @Test
    void start_inADirectoryThatDoesNotExistYet_startsWithoutCreatingIt() {
        new JsonFileExporter(dir.resolve("later")).start(null);

        assertThat(dir.resolve("later")).doesNotExist();
    }

    @Test
    void start_afterACrashMidGzipMember_cutsTheTornMemberOff() throws IOException {
        Path file = dir.resolve("monitoring_20260103.json.gz");
        JsonFileExporter.builder(dir).compress(true).build().export(snapshot(1, DAY_1));
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2), java.nio.file.StandardOpenOption.APPEND);

        JsonFileExporter.builder(dir).compress(true).build().export(snapshot(2, DAY_1));

        assertThat(gzipSeqs(file)).containsExactly(1L, 2L);
    }

    @Test
    void export_diskFull_failsKeepsTheRecordAndWritesItNextTime() throws IOException {
        Path file = dir.resolve("monitoring_20260103.json");
        Files.createSymbolicLink(file, Path.of("/dev/full"));
        JsonFileExporter exporter = new JsonFileExporter(dir);

        assertThatThrownBy(() -> exporter.export(snapshot(1, DAY_1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot append to " + file);
        assertThat(exporter.pendingRecords()).isEqualTo(1);

        Files.delete(file); // space is back
        exporter.export(snapshot(2, DAY_1));

        assertThat(plainSeqs(file)).containsExactly(1L, 2L);
        assertThat(exporter.pendingRecords()).isZero();
    }

    @Test
    void export_directoryIsAFile_failsWithTheReason() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("taken"), "x");
        assertThatThrownBy(() -> new JsonFileExporter(notADirectory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("directory: must be a directory, got " + notADirectory);
    }

    @Test
    void export_directoryTakenAfterStart_failsAndRecoversWhenFreed() throws IOException {
        Path target = dir.resolve("later");
        JsonFileExporter exporter = new JsonFileExporter(target);
        Files.writeString(target, "someone took the name");

        assertThatThrownBy(() -> exporter.export(snapshot(1, DAY_1))).isInstanceOf(IOException.class);
        Files.delete(target);
        exporter.export(snapshot(2, DAY_1));

        assertThat(plainSeqs(target.resolve("monitoring_20260103.json"))).containsExactly(1L, 2L);
    }

    @Test
    void interval_belowOneSecond_isRejected() {
        assertThatThrownBy(() -> JsonFileExporter.builder(dir).interval(Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval: must be at least 1s, got 500ms");
    }

    @Test
    void interval_setTwice_isRejectedNamingBothValues() {
        JsonFileExporter.Builder builder = JsonFileExporter.builder(dir).interval(Duration.ofSeconds(30));

        assertThatThrownBy(() -> builder.interval(Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("interval: already set to 30s, got 1m");
    }

    @Test
    void compress_setTwice_isRejectedNamingBothValues() {
        JsonFileExporter.Builder builder = JsonFileExporter.builder(dir).compress(true);

        assertThatThrownBy(() -> builder.compress(false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("compress: already set to true, got false");
    }

    @Test
    void pretty_setTwice_isRejectedNamingBothValues() {
        JsonFileExporter.Builder builder = JsonFileExporter.builder(dir).pretty(false);

        assertThatThrownBy(() -> builder.pretty(false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("pretty: already set to false, got false");
    }

    @Test
    void repair_validJsonLength_stopsAtTheLastWholeValue() throws IOException {
        byte[] content = "{\"a\":1}\n{\"b\":[1,2]}\n{\"c\":".getBytes(StandardCharsets.UTF_8);
        assertThat(RecordFileRepair.validJsonLength(content)).isEqualTo(20);
        assertThat(RecordFileRepair.validJsonLength(Arrays.copyOf(content, 20))).isEqualTo(20);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

}
