/**
 * The monitoring protocol (SPEC §4) on top of the WebSocket connection: the welcome, the commands and
 * their replies and errors ({@link io.wsmon.ws.protocol.MonitoringProtocol} and its client sessions), the
 * per-tick fan-out that encodes each snapshot once per subscription shape and shares the frame bytes, the
 * HTTP API, and the {@link io.wsmon.ws.protocol.MonitoringFeed} seam to the monitoring service.
 */
package io.wsmon.ws.protocol;
