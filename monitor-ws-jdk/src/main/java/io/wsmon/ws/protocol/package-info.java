/**
 * The monitoring protocol (SPEC §4) on top of the WebSocket connection, fed by any
 * {@link io.wsmon.api.SnapshotSource}: the client sessions with their commands, replies, errors, rate
 * limit and subscriptions ({@link io.wsmon.ws.protocol.MonitoringProtocol}), and where a snapshot leaves
 * for the clients ({@link io.wsmon.ws.protocol.FanOut}: shaped once per subscription shape, the frame
 * bytes shared). {@link io.wsmon.ws.protocol.Messages} owns the wire format of every message the server
 * sends: a snapshot goes out as the bytes it was encoded to once (by core's {@code SnapshotCodec}, when
 * first asked for), reshaped by copying. The HTTP API ({@code /api/*}, {@code /healthz}) is a set
 * of ordinary {@link io.wsmon.api.http.HttpEndpoint}s. {@link io.wsmon.ws.protocol.InMemoryFeed} is a
 * snapshot source for snapshots made elsewhere.
 */
package io.wsmon.ws.protocol;
