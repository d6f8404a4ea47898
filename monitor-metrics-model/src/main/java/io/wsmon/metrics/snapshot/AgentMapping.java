package io.wsmon.metrics.snapshot;

import static io.wsmon.metrics.MetricUnit.NONE;
import static io.wsmon.metrics.MetricUnit.SECONDS;

import io.wsmon.api.Alert;
import io.wsmon.api.Snapshot;
import io.wsmon.metrics.Figure;
import io.wsmon.metrics.LabelKey;
import java.time.Instant;
import java.util.List;

/** The agent's own series and its active alerts: figures that come from beside the snapshot's sections. */
final class AgentMapping {

    static final Figure BUILD_INFO = Figure.gauge("wsmon_build_info", "wsmon.build.info", NONE,
            "The agent's version, as a label; always 1");
    static final Figure TIMESTAMP = Figure.gauge("wsmon_snapshot_timestamp_seconds", "wsmon.snapshot.timestamp",
            SECONDS, "When the latest snapshot was collected, in seconds since the epoch");
    static final Figure TICKS = Figure.counter("wsmon_ticks_total", "wsmon.ticks", NONE,
            "Collection ticks since the agent started (the latest snapshot's sequence number)");
    static final Figure MISSED_TICKS = Figure.counter("wsmon_ticks_missed_total", "wsmon.ticks.missed", NONE,
            "Collection ticks skipped because a tick overran its interval");
    static final Figure CLIENTS = Figure.gauge("wsmon_websocket_clients", "wsmon.websocket.clients", NONE,
            "WebSocket clients connected now");
    static final Figure ALERTS = Figure.gauge("wsmon_alerts_active", "wsmon.alerts.active", NONE,
            "1 for each condition above an alert threshold now");

    private static final LabelKey VERSION = LabelKey.of("version", "wsmon.version");
    private static final LabelKey COMPONENT = LabelKey.of("component", "wsmon.alert.component");
    private static final LabelKey METRIC = LabelKey.of("metric", "wsmon.alert.metric");
    private static final LabelKey RESOURCE = LabelKey.of("resource", "wsmon.alert.resource");
    private static final LabelKey LEVEL = LabelKey.of("level", "wsmon.alert.level");

    private AgentMapping() {}

    static void map(Snapshot snapshot, List<Alert> active, AgentFigures agent, Families out) {
        out.add(BUILD_INFO, 1, VERSION.is(agent.version()));
        Instant at = snapshot.timestamp().toInstant();
        out.add(TIMESTAMP, at.getEpochSecond() + at.getNano() / 1e9);
        out.add(TICKS, snapshot.seq());
        agent.missedTicks().ifPresent(missed -> out.add(MISSED_TICKS, missed));
        agent.websocketClients().ifPresent(clients -> out.add(CLIENTS, clients));
        for (Alert alert : active) {
            out.add(ALERTS, 1, COMPONENT.is(alert.component()), METRIC.is(alert.metric()),
                    RESOURCE.is(alert.resource()), LEVEL.is(alert.level().name().toLowerCase(java.util.Locale.ROOT)));
        }
    }
}
