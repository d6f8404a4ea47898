package io.wsmon.metrics.snapshot;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the output knows about the agent itself, beside the snapshot.
 *
 * @param version the wsmon version
 * @param missedTicks schedule slots skipped because a tick overran its interval; empty when the output
 *     cannot see the service's statistics
 * @param websocketClients WebSocket clients connected now; empty when there is no server
 */
public record AgentFigures(String version, OptionalLong missedTicks, OptionalInt websocketClients) {

    /** Checks that every part is present. */
    public AgentFigures {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(missedTicks, "missedTicks");
        Objects.requireNonNull(websocketClients, "websocketClients");
    }

    /**
     * Only the version.
     *
     * @param version the wsmon version
     * @return the figures
     */
    public static AgentFigures of(String version) {
        return new AgentFigures(version, OptionalLong.empty(), OptionalInt.empty());
    }

    /**
     * These figures with the missed ticks.
     *
     * @param missed schedule slots skipped so far
     * @return a copy
     */
    public AgentFigures withMissedTicks(long missed) {
        return new AgentFigures(version, OptionalLong.of(missed), websocketClients);
    }

    /**
     * These figures with the connected WebSocket clients.
     *
     * @param clients clients connected now
     * @return a copy
     */
    public AgentFigures withWebsocketClients(int clients) {
        return new AgentFigures(version, missedTicks, OptionalInt.of(clients));
    }
}
