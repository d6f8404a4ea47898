/**
 * The WebSocket load tool ({@link io.wsmon.bench.ws.WsLoad}): many NIO clients in one process against
 * the wsmon server, the Java-WebSocket peer or the Netty peer in a child process, measuring delivery,
 * fan-out skew, ping round trip, server CPU and memory.
 */
package io.wsmon.bench.ws;
