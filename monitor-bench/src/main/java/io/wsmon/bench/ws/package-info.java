/**
 * The WebSocket load tool ({@link io.wsmon.bench.ws.WsLoad}): many NIO clients in one process against
 * the wsmon server or the Java-WebSocket peer in a child process, measuring delivery, fan-out skew, ping
 * round trip, server CPU and memory, plain or over TLS; and the soak ({@link io.wsmon.bench.ws.Soak}): clients
 * reading, stalling and reconnecting for a bounded time while the server's heap, memory, connections and the
 * ticks lost are reported.
 */
package io.wsmon.bench.ws;
