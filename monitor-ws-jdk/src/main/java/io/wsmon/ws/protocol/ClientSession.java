package io.wsmon.ws.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.wsmon.api.SnapshotSource;
import io.wsmon.ws.connection.ClientConnection;
import io.wsmon.ws.connection.ConnectionHandler;
import io.wsmon.ws.frame.CloseCode;
import java.util.Objects;
import java.util.Set;

/**
 * One client's side of the monitoring protocol: the welcome, its subscription, its commands and their
 * replies, its rate limit. Runs on the event loop thread.
 */
final class ClientSession implements ConnectionHandler {

    private final ClientConnection connection;
    private final MonitoringProtocol protocol;
    private final SnapshotSource source;
    private final Messages messages;
    private final ProtocolSettings settings;
    private final CommandRateLimiter limiter;
    private Subscription subscription = Subscription.ALL;
    private long lastSeqSent = -1;

    ClientSession(ClientConnection connection, MonitoringProtocol protocol) {
        this.connection = connection;
        this.protocol = protocol;
        this.source = protocol.source();
        this.messages = protocol.messages();
        this.settings = protocol.settings();
        this.limiter = new CommandRateLimiter(settings.commandsPerSecond(), settings.rateLimitGrace().toNanos());
    }

    @Override
    public void onOpen() {
        protocol.opened(this);
        connection.sendText(messages.welcome(connection.id(), source.interval(), source.activeAlerts()));
        Tick latest = protocol.latestTick();
        if (latest != null) {
            lastSeqSent = latest.seq();
            connection.sendData(latest.frame(null));
        }
    }

    @Override
    public void onClosed() {
        protocol.closed(this);
    }

    /**
     * Sends a tick's frame if this client is subscribed to it.
     *
     * @param tick the tick
     */
    void onTick(Tick tick) {
        if (tick.seq() <= lastSeqSent) {
            return; // the welcome already carried it: made from the feed's newest snapshot before its delivery reached the loop
        }
        lastSeqSent = tick.seq();
        if (subscription != null && subscription.wants(tick.seq())) {
            connection.sendData(tick.frame(subscription.sections()));
        }
    }

    /** @return the sections this client receives, or {@code null} for all or when unsubscribed */
    Set<String> shape() {
        return subscription == null ? null : subscription.sections();
    }

    @Override
    public void onText(String message) {
        long now = protocol.ticker().nanoTime();
        switch (limiter.check(now)) {
            case ALLOW -> execute(message);
            case LIMIT -> {
                if (limiter.shouldReport(now)) {
                    error(ErrorCode.RATE_LIMITED, "Rate limit exceeded: at most "
                            + settings.commandsPerSecond() + " commands per second");
                }
            }
            case CLOSE -> connection.close(CloseCode.POLICY_VIOLATION, "Rate limit exceeded");
        }
    }

    /** A ping costs a command of the rate limit; over it, the ping is still answered (one pong at most is pending). */
    @Override
    public void onPing() {
        if (limiter.check(protocol.ticker().nanoTime()) == CommandRateLimiter.Verdict.CLOSE) {
            connection.close(CloseCode.POLICY_VIOLATION, "Rate limit exceeded");
        }
    }

    private void execute(String message) {
        JsonNode command;
        try {
            command = messages.readCommand(message);
        } catch (JsonProcessingException e) {
            error(ErrorCode.INVALID_FORMAT, "Invalid message format: not JSON");
            return;
        }
        if (command == null || !command.isObject()) {
            error(ErrorCode.INVALID_FORMAT, "Invalid message format: expected a JSON object");
            return;
        }
        JsonNode type = command.get("type");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            error(ErrorCode.MISSING_TYPE, "Missing 'type': a command needs a string field 'type'");
            return;
        }
        try {
            dispatch(type.asText(), command);
        } catch (InvalidParameterException e) {
            error(ErrorCode.INVALID_PARAMETER, e.getMessage());
        }
    }

    private void dispatch(String type, JsonNode command) throws InvalidParameterException {
        switch (type) {
            case "ping" -> reply(messages.pong());
            case "get_status" -> reply(protocol.status());
            case "subscribe" -> subscribe(command);
            case "unsubscribe" -> unsubscribe();
            case "get_alerts" -> reply(messages.alerts(source.activeAlerts(), source.recentAlerts()));
            case "get_snapshot" -> snapshot(command);
            case "get_history" -> connection.sendFrame(protocol.historyFrame(
                    Parameters.count(command, ProtocolSettings.DEFAULT_HISTORY_COUNT, settings.historyCap()),
                    Parameters.sections(command, protocol.knownSections())));
            default -> error(ErrorCode.UNKNOWN_COMMAND, "Unknown command '" + Parameters.abbreviate(type) + "'");
        }
    }

    private void subscribe(JsonNode command) throws InvalidParameterException {
        Set<String> sections = Parameters.sections(command, protocol.knownSections());
        int every = Parameters.every(command, source.interval());
        Subscription next = new Subscription(sections, every);
        protocol.shapes().remove(shape());
        protocol.shapes().add(sections);
        boolean shapeChanged = subscription == null || !Objects.equals(subscription.sections(), sections);
        subscription = next;
        if (shapeChanged) {
            connection.dropData();
        }
        reply(messages.subscribed(next, source.interval()));
    }

    private void unsubscribe() {
        protocol.shapes().remove(shape());
        subscription = null;
        connection.dropData();
        reply(messages.unsubscribed());
    }

    private void snapshot(JsonNode command) throws InvalidParameterException {
        Set<String> sections = Parameters.sections(command, protocol.knownSections());
        reply(source.currentSnapshot().map(s -> messages.snapshot(s, sections)).orElseGet(messages::noSnapshot));
    }

    private void reply(byte[] json) {
        connection.sendText(json);
    }

    private void error(ErrorCode code, String message) {
        reply(messages.error(code, message));
    }
}
