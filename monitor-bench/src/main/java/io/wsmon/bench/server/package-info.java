/**
 * The real server run as processes, as an operator runs it: {@link io.wsmon.bench.server.StartTime}
 * times the jar and the launcher to the first {@code monitoring_data} a WebSocket client receives;
 * {@link io.wsmon.bench.server.IdleCpu} measures the idle server's CPU against Prometheus' node_exporter
 * in the same run.
 */
package io.wsmon.bench.server;
