package io.wsmon.ws.protocol;

import java.time.Duration;

/**
 * The limits of the monitoring protocol.
 *
 * @param maxClients WebSocket clients served at once; more are closed with 1008
 * @param historyCap the most snapshots one {@code get_history} or {@code /api/history} returns
 * @param maxReplyBytes the largest history reply, in bytes; older snapshots are left out to fit
 * @param commandsPerSecond commands a client may send in any one-second window
 * @param rateLimitGrace how long a client may keep exceeding the rate before it is closed with 1008
 */
public record ProtocolSettings(
        int maxClients,
        int historyCap,
        int maxReplyBytes,
        int commandsPerSecond,
        Duration rateLimitGrace) {

    /** How many snapshots {@code get_history} returns when no count is given. */
    static final int DEFAULT_HISTORY_COUNT = 100;
}
