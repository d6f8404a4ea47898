package io.wsmon.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.wsmon.api.Alert;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SystemInfo;
import io.wsmon.core.FailureLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes snapshots as the JSON messages of SPEC §3 and §4. Thread-safe; one instance serves a whole
 * service.
 *
 * <p>The {@code monitoring_data} message:
 * <pre>{"type":"monitoring_data","seq":1,"timestamp":"...","data":{...sections...},"alerts":[...]}</pre>
 * Field names are snake_case, null fields are left out, {@code alerts} is left out when empty.
 * Built-in sections are written field by field ({@code SectionWriters}); any other section value goes
 * through Jackson's data binding, so a custom monitor's record needs nothing more.
 */
public final class SnapshotCodec {

    /** The {@code type} of the message sent every tick. */
    public static final String MONITORING_DATA = "monitoring_data";

    private static final Logger log = LoggerFactory.getLogger(SnapshotCodec.class);
    private static final int INITIAL_BUFFER = 4096;

    private volatile ObjectMapper mapper;
    private final Map<String, FailureLog> customFailures = new ConcurrentHashMap<>();

    /** Creates a codec with the wire conventions of SPEC §3. */
    public SnapshotCodec() {}

    /**
     * The mapper behind this codec, configured with the wire conventions, for messages built elsewhere
     * (protocol replies, exports). Made on first use. Do not reconfigure it.
     *
     * @return the shared mapper
     */
    public ObjectMapper mapper() {
        ObjectMapper made = mapper;
        if (made == null) {
            synchronized (this) {
                made = mapper;
                if (made == null) {
                    made = newMapper();
                    mapper = made;
                }
            }
        }
        return made;
    }

    private static ObjectMapper newMapper() {
        SimpleModule timestamps = new SimpleModule("wsmon-timestamps");
        timestamps.addSerializer(OffsetDateTime.class, new TimestampFormat.MicrosSerializer());
        return new ObjectMapper()
                .registerModule(timestamps)
                .addMixIn(SystemInfo.class, SystemInfoMixin.class)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    /** A UTF-8 generator for JSON written field by field, without data binding. */
    private JsonGenerator generator(OutputStream out) throws IOException {
        return Streaming.FACTORY.createGenerator(out, JsonEncoding.UTF8);
    }

    /**
     * Encodes the {@code monitoring_data} message of a snapshot's parts: the one place a snapshot's own
     * JSON is made, handed to {@link Snapshot#of} as its encoder ({@code codec::encode}).
     *
     * @param seq the sequence number
     * @param timestamp the collection time
     * @param sections the sections, in order
     * @param alerts the alerts raised at this tick
     * @return UTF-8 JSON
     */
    public byte[] encode(long seq, OffsetDateTime timestamp, Map<String, ?> sections, List<Alert> alerts) {
        return write(seq, timestamp, sections, alerts, MONITORING_DATA, null);
    }

    /**
     * Encodes the {@code monitoring_data} message again. {@link Snapshot#json()} already holds these bytes.
     *
     * @param snapshot the snapshot
     * @return UTF-8 JSON
     */
    public byte[] encode(Snapshot snapshot) {
        return encode(snapshot, MONITORING_DATA, null);
    }

    /**
     * Encodes a snapshot as a message of another type and/or with only some sections, in the shape of
     * {@code monitoring_data}.
     *
     * @param snapshot the snapshot
     * @param type the message's {@code type}
     * @param sections the section names to include; {@code null} for all
     * @return UTF-8 JSON
     */
    public byte[] encode(Snapshot snapshot, String type, Set<String> sections) {
        return write(snapshot.seq(), snapshot.timestamp(), snapshot.sections(), snapshot.alerts(), type, sections);
    }

    private byte[] write(long seq, OffsetDateTime timestamp, Map<String, ?> sections, List<Alert> alerts,
            String type, Set<String> only) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER);
        try (JsonGenerator gen = generator(out)) {
            gen.writeStartObject();
            gen.writeStringField("type", type);
            gen.writeNumberField("seq", seq);
            gen.writeStringField("timestamp", TimestampFormat.MICROS.format(timestamp));
            gen.writeObjectFieldStart("data");
            for (Map.Entry<String, ?> section : sections.entrySet()) {
                if (only == null || only.contains(section.getKey())) {
                    writeSection(gen, section.getKey(), section.getValue());
                }
            }
            gen.writeEndObject();
            if (!alerts.isEmpty()) {
                gen.writeFieldName("alerts");
                SectionWriters.alerts(gen, alerts);
            }
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode snapshot " + seq, e);
        }
        return out.toByteArray();
    }

    private void writeSection(JsonGenerator gen, String name, Object value) throws IOException {
        if (SectionWriters.isBuiltIn(value)) {
            gen.writeFieldName(name);
            SectionWriters.write(gen, value);
            return;
        }
        // a custom section goes through data binding on its own, so that one Jackson cannot encode (a getter
        // that throws, a cycle) loses only its own section, as a monitor that throws does, not the message
        String json;
        try {
            json = mapper().writeValueAsString(value);
        } catch (JsonProcessingException | RuntimeException e) {
            customFailures(name).failed("cannot be written as JSON, so messages leave it out: " + FailureLog.describe(e), e);
            return;
        }
        customFailures(name).succeeded();
        gen.writeFieldName(name);
        gen.writeRawValue(json);
    }

    private FailureLog customFailures(String section) {
        return customFailures.computeIfAbsent(section, name -> new FailureLog(log, "section '" + name + "'", "messages without it"));
    }

    /** Boot time is known to the second: written without a fraction, as in the seed. */
    private abstract static class SystemInfoMixin {
        @JsonSerialize(using = TimestampFormat.SecondsSerializer.class)
        abstract OffsetDateTime bootTime();
    }

    /**
     * Streaming only: the built-in sections need no data binding, whose set-up costs ~100 ms at start. Loaded
     * by the first message written, not with the codec: loading and verifying Jackson's factory takes ~40 ms
     * of CPU, which a server spends beside its first collection (on the first client's welcome) instead of
     * before it. Thread-safe, so one serves every codec.
     */
    private static final class Streaming {
        static final JsonFactory FACTORY = new JsonFactory();
    }
}
