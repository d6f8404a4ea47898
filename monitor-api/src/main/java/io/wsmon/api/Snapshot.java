package io.wsmon.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one collection tick produced: its sequence number, its time, one value per section, the alerts
 * raised at this tick, and the whole encoded once as the JSON {@code monitoring_data} message.
 *
 * <p>Immutable and safe to share between threads. Sections are kept in collection order; a section whose
 * monitor is disabled, unavailable or failed this tick is absent.
 *
 * <p>The JSON is encoded the first time any thread asks for it, and only then: the bytes are shared by
 * every later reader, and a snapshot nobody sends (an idle server's, most of the history's) costs no
 * encoding. The section values must therefore not change once collected (see {@link Monitor#collect}).
 */
public final class Snapshot {

    /** Section name of {@link ProcessorInfo}. */
    public static final String PROCESSOR = "processor";
    /** Section name of {@link MemoryInfo}. */
    public static final String MEMORY = "memory";
    /** Section name of the first configured path's {@link DiskInfo}. */
    public static final String DISK = "disk";
    /** Section name of the list of every configured path's {@link DiskInfo}. */
    public static final String DISKS = "disks";
    /** Section name of {@link SystemInfo}. */
    public static final String SYSTEM = "system";
    /** Section name of {@link NetworkInfo}. */
    public static final String NETWORK = "network";
    /** Section name of {@link JvmInfo}. */
    public static final String JVM = "jvm";
    /** Section name of {@link GpuInfo}. */
    public static final String GPU = "gpu";
    /** Section name of {@link ProcessesInfo}. */
    public static final String PROCESSES = "processes";
    /** Section name of {@link DiskIoInfo}. */
    public static final String DISK_IO = "disk_io";
    /** Section name of {@link SensorsInfo}. */
    public static final String SENSORS = "sensors";
    /** Section name of {@link ContainerInfo}. */
    public static final String CONTAINER = "container";
    /** Section name of {@link PressureInfo}. */
    public static final String PRESSURE = "pressure";

    private final long seq;
    private final OffsetDateTime timestamp;
    private final Map<String, Object> sections;
    private final List<Alert> alerts;
    private final Encoder encoder;
    private volatile byte[] json;

    private Snapshot(long seq, OffsetDateTime timestamp, Map<String, Object> sections, List<Alert> alerts,
            Encoder encoder) {
        this.seq = seq;
        this.timestamp = timestamp;
        this.sections = sections;
        this.alerts = alerts;
        this.encoder = encoder;
    }

    /**
     * Creates a snapshot, to be encoded once, when its JSON is first asked for: the encoder then gets the
     * snapshot's parts (never the snapshot itself), and its bytes become {@link #json()}.
     *
     * @param seq the tick's sequence number: one more than the previous tick's
     * @param timestamp when the values were collected
     * @param sections section name to section value, in the order they should be encoded
     * @param alerts the alerts raised at this tick (empty when none)
     * @param encoder turns the parts into the JSON message; called at most once, on the thread that first
     *     asks for the JSON (core's {@code SnapshotCodec::encode} is the one the service uses)
     * @return the snapshot
     */
    public static Snapshot of(
            long seq, OffsetDateTime timestamp, Map<String, ?> sections, List<Alert> alerts, Encoder encoder) {
        Objects.requireNonNull(timestamp, "timestamp");
        Map<String, Object> copied = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        return new Snapshot(seq, timestamp, copied, List.copyOf(alerts), Objects.requireNonNull(encoder, "encoder"));
    }

    /** Turns the parts of a snapshot into its JSON {@code monitoring_data} message. */
    @FunctionalInterface
    public interface Encoder {

        /**
         * Encodes a snapshot's parts.
         *
         * @param seq the sequence number
         * @param timestamp the collection time
         * @param sections the sections in order, unmodifiable
         * @param alerts the alerts raised at this tick, unmodifiable
         * @return UTF-8 JSON
         */
        byte[] encode(long seq, OffsetDateTime timestamp, Map<String, Object> sections, List<Alert> alerts);
    }

    /**
     * The tick's sequence number. It grows by one per tick, so a gap tells a consumer what it missed.
     *
     * @return the sequence number, from 1
     */
    public long seq() {
        return seq;
    }

    /**
     * When the values were collected, with the service clock's offset.
     *
     * @return the collection time
     */
    public OffsetDateTime timestamp() {
        return timestamp;
    }

    /**
     * Every section, by name, in collection order.
     *
     * @return an unmodifiable map of section name to value
     */
    public Map<String, Object> sections() {
        return sections;
    }

    /**
     * The alerts raised at this tick, after cooldown.
     *
     * @return an unmodifiable list, empty when none
     */
    public List<Alert> alerts() {
        return alerts;
    }

    /**
     * One section, if present and of the expected type.
     *
     * @param name the section name
     * @param type the expected value type
     * @param <T> the value type
     * @return the value, or empty when the section is absent or of another type
     */
    public <T> Optional<T> section(String name, Class<T> type) {
        Object value = sections.get(name);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    /** @return the {@code processor} section, if present */
    public Optional<ProcessorInfo> processor() {
        return section(PROCESSOR, ProcessorInfo.class);
    }

    /** @return the {@code memory} section, if present */
    public Optional<MemoryInfo> memory() {
        return section(MEMORY, MemoryInfo.class);
    }

    /** @return the {@code disk} section (the first configured path), if present */
    public Optional<DiskInfo> disk() {
        return section(DISK, DiskInfo.class);
    }

    /** @return every configured path's {@code disks} entry, empty when the section is absent */
    public List<DiskInfo> disks() {
        Object value = sections.get(DISKS);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(DiskInfo.class::isInstance).map(DiskInfo.class::cast).toList();
    }

    /** @return the {@code system} section, if present */
    public Optional<SystemInfo> system() {
        return section(SYSTEM, SystemInfo.class);
    }

    /** @return the {@code network} section, if present */
    public Optional<NetworkInfo> network() {
        return section(NETWORK, NetworkInfo.class);
    }

    /** @return the {@code jvm} section, if present */
    public Optional<JvmInfo> jvm() {
        return section(JVM, JvmInfo.class);
    }

    /** @return the {@code gpu} section, if present */
    public Optional<GpuInfo> gpu() {
        return section(GPU, GpuInfo.class);
    }

    /** @return the {@code processes} section, if present */
    public Optional<ProcessesInfo> processes() {
        return section(PROCESSES, ProcessesInfo.class);
    }

    /** @return the {@code disk_io} section, if present */
    public Optional<DiskIoInfo> diskIo() {
        return section(DISK_IO, DiskIoInfo.class);
    }

    /** @return the {@code sensors} section, if present */
    public Optional<SensorsInfo> sensors() {
        return section(SENSORS, SensorsInfo.class);
    }

    /** @return the {@code container} section, if present */
    public Optional<ContainerInfo> container() {
        return section(CONTAINER, ContainerInfo.class);
    }

    /** @return the {@code pressure} section, if present */
    public Optional<PressureInfo> pressure() {
        return section(PRESSURE, PressureInfo.class);
    }

    /**
     * The snapshot as its JSON {@code monitoring_data} message, encoded once, by the first caller of this
     * or the other JSON methods. Every consumer shares these bytes; the buffer is a read-only view, so
     * reading it does not affect other readers.
     *
     * @return a read-only buffer positioned at the first byte of UTF-8 JSON
     * @throws RuntimeException what the encoder threw, for example for a section it cannot encode; the
     *     next call tries again
     */
    public ByteBuffer json() {
        return ByteBuffer.wrap(encoded()).asReadOnlyBuffer();
    }

    private byte[] encoded() {
        byte[] bytes = json;
        if (bytes == null) {
            synchronized (this) {
                bytes = json;
                if (bytes == null) {
                    bytes = Objects.requireNonNull(encoder.encode(seq, timestamp, sections, alerts),
                            "encoder returned null");
                    json = bytes;
                }
            }
        }
        return bytes;
    }

    /**
     * Size of the JSON message.
     *
     * @return its length in bytes
     */
    public int jsonLength() {
        return encoded().length;
    }

    /**
     * Writes the JSON message.
     *
     * @param out where to write; not closed
     * @throws IOException when writing fails
     */
    public void writeJson(OutputStream out) throws IOException {
        out.write(encoded());
    }

    /**
     * The JSON message as text.
     *
     * @return the UTF-8 decoded JSON
     */
    public String jsonText() {
        return new String(encoded(), StandardCharsets.UTF_8);
    }

    /** @return a short description: sequence number, time and section names */
    @Override
    public String toString() {
        return "Snapshot[seq=" + seq + ", timestamp=" + timestamp + ", sections=" + sections.keySet()
                + ", alerts=" + alerts.size() + "]";
    }
}
