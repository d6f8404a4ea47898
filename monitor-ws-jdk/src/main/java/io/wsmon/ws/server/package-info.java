/**
 * The server: {@link io.wsmon.ws.server.WebSocketServer}, configured through
 * {@link io.wsmon.ws.server.ServerConfig.Builder}, runs one NIO event loop thread that owns every socket,
 * hands WebSocket clients to the monitoring protocol and plain HTTP requests to the endpoints (built-in,
 * given to the builder, or found with {@link java.util.ServiceLoader}).
 */
package io.wsmon.ws.server;
