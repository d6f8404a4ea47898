/**
 * The WebSocket load tools: {@link io.wsmon.bench.ws.WsLoad} (many NIO clients in one process against
 * the wsmon server, the Java-WebSocket peer or the Netty peer in a child process, measuring delivery, fan-out skew, ping
 * round trip, server CPU and memory), {@link io.wsmon.bench.ws.AttackLoad} (slow readers that flood pings
 * or ask for history, against a server with a small heap, while good clients count their ticks) and
 * {@link io.wsmon.bench.ws.BytewiseCost} (the server's CPU for messages and request heads sent a byte at a
 * time, against the same sent whole).
 */
package io.wsmon.bench.ws;
