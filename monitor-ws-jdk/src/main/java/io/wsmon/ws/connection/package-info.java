/**
 * One client connection: its state machine ({@link io.wsmon.ws.connection.Connection}: handshake, open,
 * closing, closed; pings, close handshake, timeouts) and what it still has to send
 * ({@link io.wsmon.ws.connection.OutboundQueue}: replies never dropped, one conflating slot for the latest
 * data frame, shared frame bytes, send-timeout tracking). {@link io.wsmon.ws.connection.Endpoint} and
 * {@link io.wsmon.ws.connection.ConnectionHandler} are the seams to the server and to the protocol;
 * the protocol sees a connection only as a {@link io.wsmon.ws.connection.ClientConnection}.
 */
package io.wsmon.ws.connection;
