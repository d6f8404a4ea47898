package io.wsmon.ws.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonGenerator;
import io.wsmon.api.Alert;
import io.wsmon.core.json.SnapshotCodec;
import io.wsmon.core.json.TimestampFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Builds the server's JSON messages (SPEC §4) with the service's mapper. Each message but the welcome is
 * a record, so its fields read as the wire format.
 */
final class Messages {

    private final SnapshotCodec codec;
    private final Clock clock;

    Messages(SnapshotCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
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
    record Health(String status, boolean monitoringActive, int connectedClients, String timestamp) {}

    /**
     * The first message on a connection, written field by field: data binding's set-up (~100 ms) would
     * delay a new server's first client.
     */
    byte[] welcome(long clientId, String serverVersion, Duration interval, List<Alert> activeAlerts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator gen = codec.generator(out)) {
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
            codec.writeAlerts(gen, activeAlerts);
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the welcome", e);
        }
        return out.toByteArray();
    }

    byte[] pong() {
        return write(new Pong("pong", now()));
    }

    byte[] status(int connected, int maxClients, Instant startTime, String serverVersion, boolean active) {
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
        return write(new NoSnapshot("snapshot", "No snapshot has been collected yet", now()));
    }

    byte[] health(boolean active, int connected) {
        return write(new Health(active ? "ok" : "stopped", active, connected, now()));
    }

    /**
     * The {@code history} message, built around snapshots that are already encoded, without decoding them.
     *
     * @param items each snapshot's {@code monitoring_data} JSON, oldest first
     * @return the message
     */
    static byte[] history(List<byte[]> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(items.stream().mapToInt(b -> b.length + 1).sum() + 64);
        out.writeBytes(("{\"type\":\"history\",\"count\":" + items.size() + ",\"snapshots\":[")
                .getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(items.get(i));
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
            return codec.mapper().writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }
}
