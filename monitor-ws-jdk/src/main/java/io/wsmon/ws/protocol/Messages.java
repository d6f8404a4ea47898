package io.wsmon.ws.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.wsmon.api.Alert;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SourceHealth;
import io.wsmon.core.json.TimestampFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The wire format of every message the WebSocket module sends (SPEC §4): the welcome, the data of each
 * subscription shape, the replies and errors, and the bodies of the HTTP API. Each reply is a record, so
 * its fields read as the wire format; snapshots are sent as the bytes they were encoded to when made,
 * reshaped by copying ({@link SnapshotReshaper}), never encoded again. Also reads the clients' commands.
 *
 * <p>Thread-safe.
 */
final class Messages {

    /** The {@code type} of the message that carries a snapshot to a subscriber. */
    static final String MONITORING_DATA = "monitoring_data";
    /** The {@code type} of the answer to {@code get_snapshot} and of {@code /api/snapshot}. */
    static final String SNAPSHOT = "snapshot";

    private final JsonFactory factory = new JsonFactory();
    private volatile ObjectMapper mapper;
    private final Clock clock;
    private final String serverVersion;

    /**
     * @param clock the clock of reply timestamps
     * @param serverVersion the version reported as {@code server_version}
     */
    Messages(Clock clock, String serverVersion) {
        this.clock = clock;
        this.serverVersion = serverVersion;
    }

    /** Data binding is set up on first use: its ~100 ms would otherwise delay a new server's first client. */
    private ObjectMapper mapper() {
        ObjectMapper made = mapper;
        if (made == null) {
            synchronized (this) {
                made = mapper;
                if (made == null) {
                    SimpleModule timestamps = new SimpleModule("wsmon-ws-timestamps");
                    timestamps.addSerializer(OffsetDateTime.class, new TimestampFormat.MicrosSerializer());
                    made = new ObjectMapper()
                            .registerModule(timestamps)
                            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
                    mapper = made;
                }
            }
        }
        return made;
    }

    /** The answer to {@code ping}. */
    record Pong(String type, String timestamp) {}

    /** The answer to {@code get_status}, also served at {@code /api/status}. */
    record Status(String type, int connectedClients, int maxClients, String serverStartTime, double uptimeSeconds,
            String serverVersion, boolean monitoringActive, String message, String timestamp) {}

    /** The answer to {@code subscribe}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Subscribed(String type, List<String> sections, double interval, String message, String timestamp) {}

    /** The answer to {@code unsubscribe}. */
    record Unsubscribed(String type, String message, String timestamp) {}

    /** The answer to {@code get_alerts}. */
    record Alerts(String type, List<Alert> active, List<Alert> recent, String timestamp) {}

    /** The answer to a command that cannot be executed. */
    record ErrorReply(String type, String message, String code) {}

    /** The answer to {@code get_snapshot} before the first tick. */
    record NoSnapshot(String type, String message, String timestamp) {}

    /** The body of {@code /healthz}. */
    record Health(String status, boolean monitoringActive, int connectedClients, List<String> problems,
            String timestamp) {}

    /**
     * Reads a client's command.
     *
     * @param text the message as received
     * @return the JSON value, or {@code null} for an empty message
     * @throws JsonProcessingException when it is not JSON
     */
    JsonNode readCommand(String text) throws JsonProcessingException {
        return mapper().readTree(text);
    }

    /**
     * The first message on a connection, written field by field so that a new server's first client does
     * not wait for data binding, which only writes the active alerts when there are any.
     */
    byte[] welcome(long clientId, Duration interval, List<Alert> activeAlerts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator gen = factory.createGenerator(out, JsonEncoding.UTF8)) {
            gen.writeStartObject();
            gen.writeStringField("type", "connection");
            gen.writeStringField("status", "connected");
            gen.writeStringField("timestamp", now());
            gen.writeStringField("message", "Connected to monitoring server");
            gen.writeStringField("client_id", Long.toString(clientId));
            if (serverVersion != null) {
                gen.writeStringField("server_version", serverVersion);
            }
            gen.writeNumberField("interval", seconds(interval));
            gen.writeFieldName("active_alerts");
            if (activeAlerts.isEmpty()) {
                gen.writeStartArray();
                gen.writeEndArray();
            } else {
                mapper().writeValue(gen, activeAlerts);
            }
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the welcome", e);
        }
        return out.toByteArray();
    }

    byte[] pong() {
        return write(new Pong("pong", now()));
    }

    byte[] status(int connected, int maxClients, Instant startTime, boolean active) {
        double uptime = Duration.between(startTime, clock.instant()).toMillis() / 1000.0;
        return write(new Status("status", connected, maxClients, format(startTime), uptime, serverVersion, active,
                active ? "Server is running" : "Server is running; monitoring is stopped", now()));
    }

    byte[] subscribed(Subscription subscription, Duration interval) {
        List<String> sections = subscription.sections() == null ? null : List.copyOf(subscription.sections());
        return write(new Subscribed("subscribed", sections, seconds(interval.multipliedBy(subscription.every())),
                "Subscribed to monitoring data", now()));
    }

    byte[] unsubscribed() {
        return write(new Unsubscribed("unsubscribed", "Unsubscribed from monitoring data", now()));
    }

    byte[] alerts(List<Alert> active, List<Alert> recent) {
        return write(new Alerts("alerts", active, recent, now()));
    }

    byte[] error(ErrorCode code, String message) {
        return write(new ErrorReply("error", message, code.name()));
    }

    byte[] noSnapshot() {
        return write(new NoSnapshot(SNAPSHOT, "No snapshot has been collected yet", now()));
    }

    /** The status reads {@code ok}, {@code degraded}, {@code stopped} or {@code unhealthy}. */
    byte[] health(SourceHealth health, int connected) {
        String status = switch (health.verdict()) {
            case HEALTHY -> "ok";
            case DEGRADED -> "degraded";
            case UNHEALTHY -> health.running() ? "unhealthy" : "stopped";
        };
        return write(new Health(status, health.running(), connected, health.problems(), now()));
    }

    /**
     * The {@code monitoring_data} message of one subscription shape.
     *
     * @param snapshot the snapshot
     * @param sections the sections, or {@code null} for the whole snapshot
     * @return the message
     */
    ByteBuffer data(Snapshot snapshot, Set<String> sections) {
        return sections == null ? snapshot.json() : ByteBuffer.wrap(SnapshotReshaper.reshape(snapshot.json(), MONITORING_DATA, sections));
    }

    /**
     * The answer to {@code get_snapshot} and the body of {@code /api/snapshot}.
     *
     * @param snapshot the snapshot
     * @param sections the sections, or {@code null} for all
     * @return the message
     */
    byte[] snapshot(Snapshot snapshot, Set<String> sections) {
        return SnapshotReshaper.reshape(snapshot.json(), SNAPSHOT, sections);
    }

    /**
     * The {@code history} message: the newest snapshots that fit the size bound, oldest first, each as
     * its {@code monitoring_data} message.
     *
     * @param snapshots the snapshots, oldest first
     * @param sections the sections, or {@code null} for all
     * @param maxBytes the largest message
     * @return the message
     */
    byte[] history(List<Snapshot> snapshots, Set<String> sections, int maxBytes) {
        List<ByteBuffer> items = new ArrayList<>();
        long budget = maxBytes - 64L;
        for (int i = snapshots.size() - 1; i >= 0; i--) {
            ByteBuffer item = data(snapshots.get(i), sections);
            budget -= item.remaining() + 1;
            if (budget < 0) {
                break;
            }
            items.add(item);
        }
        Collections.reverse(items);
        ByteArrayOutputStream out = new ByteArrayOutputStream(items.stream().mapToInt(b -> b.remaining() + 1).sum() + 64);
        out.writeBytes(("{\"type\":\"history\",\"count\":" + items.size() + ",\"snapshots\":[")
                .getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            ByteBuffer item = items.get(i);
            byte[] bytes = new byte[item.remaining()];
            item.get(bytes);
            out.writeBytes(bytes);
        }
        out.writeBytes("]}".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private String now() {
        return format(clock.instant());
    }

    private String format(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), clock.getZone()).format(TimestampFormat.MICROS);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private byte[] write(Object message) {
        try {
            return mapper().writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }
}
