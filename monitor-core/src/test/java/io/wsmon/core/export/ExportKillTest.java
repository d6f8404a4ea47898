package io.wsmon.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsmon.core.ServiceContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The process killed with SIGKILL while it exports, again and again: after each restart the exporter's
 * start leaves whole records only, with no seq lost but the one being written, before anything is written.
 */
class ExportKillTest {

    private static final int KILLS = 5;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "compress={0}")
    @ValueSource(booleans = {false, true})
    void sigkillDuringExports_repeated_noTornRecordAfterRestart(boolean compress) throws Exception {
        Path file = dir.resolve("monitoring_20260103.json" + (compress ? ".gz" : ""));
        long next = 1;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = start(dir, compress, next);
            try {
                BlockingQueue<String> out = lines(child);
                awaitLine(out, "STARTED");
                int exports = 2 + ThreadLocalRandom.current().nextInt(4);
                for (int i = 0; i < exports; i++) {
                    awaitLine(out, "EXPORTED ");
                }
                TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextInt(2000)); // somewhere in the next record
            } finally {
                child.destroyForcibly(); // SIGKILL
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child killed").isTrue();
            }

            JsonFileExporter.builder(dir).compress(compress).build().start(ServiceContext.defaults());

            List<Long> seqs = seqs(file, compress);
            assertThat(seqs).as("records after kill %d", kill + 1).isNotEmpty();
            for (int i = 0; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).as("record %d after kill %d", i, kill + 1).isEqualTo(i + 1);
            }
            next = seqs.get(seqs.size() - 1) + 1;
        }
    }

    private static Process start(Path dir, boolean compress, long firstSeq) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                ExportingChild.class.getName(), dir.toString(), Boolean.toString(compress), Long.toString(firstSeq))
                .redirectErrorStream(true).start();
    }

    /** The child's output lines, read on a thread of their own so that waiting for one is bounded in time. */
    private static BlockingQueue<String> lines(Process child) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // killed
            }
        }, "export-child-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static void awaitLine(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return;
            }
            if (line != null) {
                seen.add(line);
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' from the child within 30 s; it wrote: " + seen);
    }

    /** The seq of every record; fails on a torn one. */
    private static List<Long> seqs(Path file, boolean compress) throws IOException {
        List<Long> seqs = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = compress ? new GZIPInputStream(raw) : raw;
                MappingIterator<JsonNode> records = MAPPER.readerFor(JsonNode.class).readValues(in)) {
            while (records.hasNext()) {
                seqs.add(records.next().get("seq").asLong());
            }
        }
        return seqs;
    }
}
