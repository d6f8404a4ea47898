package io.wsmon.core.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.wsmon.api.Exporter;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.Snapshot;
import io.wsmon.core.format.Durations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes snapshots to one JSON file per day, {@code monitoring_YYYYMMDD.json} (or {@code .json.gz}), in
 * a directory (the seed's JSON exporter). Each export appends the latest snapshot's
 * {@code monitoring_data} message: pretty-printed by default, one line each when not; as its own gzip
 * member when compressed. The files are a stream of JSON objects that {@code jq} reads as they are
 * ({@code jq .seq monitoring_20260103.json}, {@code zcat monitoring_20260103.json.gz | jq .seq}).
 *
 * <p>No torn record is ever left: a record is appended in one piece and synced; a write that fails
 * half-way (disk full) is cut off again; and a torn record at the end of the newest file (a crash
 * mid-write) is cut off when the exporter starts, so that readers never see it, and in any other file the
 * first time it is opened, before anything is appended. A failed export keeps its record and
 * writes it before the next one (up to {@value #MAX_PENDING} records).
 *
 * <p>Configured in code ({@code builder.exporter(new JsonFileExporter(dir))}) or by the server's
 * {@code --export-dir}.
 */
public final class JsonFileExporter implements Exporter {

    /** At most this many records wait for a failed write to be retried; older ones are dropped. */
    public static final int MAX_PENDING = 1000;

    private static final Logger log = LoggerFactory.getLogger(JsonFileExporter.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final JsonFactory JSON = new JsonFactory();

    private final Path directory;
    private final boolean compress;
    private final boolean pretty;
    private final Duration interval;
    private final ArrayDeque<Record> pending = new ArrayDeque<>();
    private final Set<Path> checked = new HashSet<>();
    private long dropped;

    private record Record(Path file, byte[] bytes) {}

    /**
     * An exporter with the defaults: pretty JSON, not compressed, the service's export interval.
     *
     * @param directory where the files go; created when missing
     */
    public JsonFileExporter(Path directory) {
        this(builder(directory));
    }

    private JsonFileExporter(Builder builder) {
        this.directory = builder.directory;
        this.compress = builder.compress != null && builder.compress;
        this.pretty = builder.pretty == null || builder.pretty;
        this.interval = builder.interval;
    }

    /**
     * Starts configuring an exporter.
     *
     * @param directory where the files go; created when missing
     * @return a builder
     */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    @Override
    public String name() {
        return "json_file";
    }

    @Override
    public Optional<Duration> interval() {
        return Optional.ofNullable(interval);
    }

    @Override
    public void start(MonitorContext context) {
        log.info("exporting snapshots to {} ({}{})", directory, pretty ? "pretty" : "one line each",
                compress ? ", gzip" : "");
        repairNewestFile();
    }

    /** Cuts off a record torn by a crash at the end of the newest file, the only one a crash can have torn. */
    private synchronized void repairNewestFile() {
        String suffix = compress ? ".json.gz" : ".json";
        Optional<Path> newest;
        try (Stream<Path> files = Files.list(directory)) {
            newest = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith("monitoring_") && name.endsWith(suffix))
                    .max(Comparator.naturalOrder())
                    .map(directory::resolve);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            log.warn("cannot list {} to repair a torn record: {}", directory, e.toString());
            return;
        }
        if (newest.isEmpty()) {
            return;
        }
        Path file = newest.get();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            cutTornTail(file, channel);
            checked.add(file);
        } catch (IOException e) {
            log.warn("cannot repair {}: {}; it is checked again at the first export to it", file, e.toString());
        }
    }

    /**
     * The file a snapshot goes to: by the date of its timestamp, in its offset.
     *
     * @param snapshot the snapshot
     * @return {@code <directory>/monitoring_YYYYMMDD.json[.gz]}
     */
    public Path fileFor(Snapshot snapshot) {
        return directory.resolve("monitoring_" + DAY.format(snapshot.timestamp()) + (compress ? ".json.gz" : ".json"));
    }

    /**
     * Appends the snapshot, after any records a failed export left behind.
     *
     * @param snapshot the latest snapshot
     * @throws IOException when a record cannot be written; it is kept and written at the next export
     */
    @Override
    public synchronized void export(Snapshot snapshot) throws IOException {
        if (pending.size() == MAX_PENDING) {
            pending.removeFirst();
            if (dropped++ == 0) {
                log.warn("{} records wait for a failed write; dropping the oldest (logged once)", MAX_PENDING);
            }
        }
        pending.addLast(new Record(fileFor(snapshot), encode(snapshot)));
        Files.createDirectories(directory);
        while (!pending.isEmpty()) {
            Record record = pending.peekFirst();
            append(record);
            pending.removeFirst();
        }
    }

    /** @return records waiting for a failed write to be retried */
    public synchronized int pendingRecords() {
        return pending.size();
    }

    private byte[] encode(Snapshot snapshot) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(snapshot.jsonLength() * 2);
        try (OutputStream out = compress ? new GZIPOutputStream(bytes) : bytes) {
            if (pretty) {
                writePretty(snapshot, out);
            } else {
                snapshot.writeJson(out);
            }
            out.write('\n');
        }
        return bytes.toByteArray();
    }

    private static void writePretty(Snapshot snapshot, OutputStream out) throws IOException {
        ByteBuffer json = snapshot.json();
        byte[] compact = new byte[json.remaining()];
        json.get(compact);
        try (JsonParser parser = JSON.createParser(compact);
                JsonGenerator generator = JSON.createGenerator(out)) {
            generator.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            generator.setPrettyPrinter(new DefaultPrettyPrinter());
            parser.nextToken();
            generator.copyCurrentStructure(parser);
        }
    }

    private void append(Record record) throws IOException {
        try (FileChannel channel = FileChannel.open(record.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (checked.add(record.file)) {
                cutTornTail(record.file, channel);
            }
            long before = channel.size();
            try {
                ByteBuffer bytes = ByteBuffer.wrap(record.bytes);
                channel.position(before);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(false);
            } catch (IOException e) {
                checked.remove(record.file);
                try {
                    channel.truncate(before);
                } catch (IOException again) {
                    e.addSuppressed(again);
                }
                throw new IOException("cannot append to " + record.file + ": " + e.getMessage(), e);
            }
        }
    }

    private void cutTornTail(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return;
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readAllBytes();
        }
        long valid = compress ? RecordFileRepair.validGzipLength(content) : RecordFileRepair.validJsonLength(content);
        if (valid < size) {
            log.warn("{}: cutting off {} bytes of a torn record at its end", file, size - valid);
            channel.truncate(valid);
        }
    }

    /**
     * Options of a {@link JsonFileExporter}. As with {@code MonitoringService.builder()}, each option is checked when
     * set and may be set only once; errors read {@code option: problem, got value}.
     */
    public static final class Builder {
        private final Path directory;
        private Boolean compress;
        private Boolean pretty;
        private Duration interval;

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                throw new IllegalArgumentException("directory: must be a directory, got " + directory);
            }
        }

        /**
         * @param compress whether to gzip the files ({@code .json.gz}); default false
         * @return this builder
         * @throws IllegalStateException when already set
         */
        public Builder compress(boolean compress) {
            requireUnset("compress", this.compress, compress);
            this.compress = compress;
            return this;
        }

        /**
         * @param pretty whether records are indented over several lines; default true
         * @return this builder
         * @throws IllegalStateException when already set
         */
        public Builder pretty(boolean pretty) {
            requireUnset("pretty", this.pretty, pretty);
            this.pretty = pretty;
            return this;
        }

        /**
         * @param interval time between two exports, at least 1 s; default: the service's export interval
         * @return this builder
         * @throws IllegalArgumentException when below 1 s
         * @throws IllegalStateException when already set
         */
        public Builder interval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            requireUnset("interval", this.interval == null ? null : Durations.format(this.interval),
                    Durations.format(interval));
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("interval: must be at least 1s, got " + Durations.format(interval));
            }
            this.interval = interval;
            return this;
        }

        private static void requireUnset(String option, Object current, Object value) {
            if (current != null) {
                throw new IllegalStateException(option + ": already set to " + current + ", got " + value);
            }
        }

        /** @return the exporter */
        public JsonFileExporter build() {
            return new JsonFileExporter(this);
        }
    }
}
