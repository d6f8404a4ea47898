/**
 * The server: {@link io.wsmon.ws.server.WebSocketServer}, configured through
 * {@link io.wsmon.ws.server.ServerConfig.Builder}, runs one NIO event loop thread that owns every socket,
 * and wires the connections to the monitoring protocol.
 */
package io.wsmon.ws.server;
