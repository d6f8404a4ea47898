/**
 * {@code GET /metrics} on the server's port (SPEC §10): {@link io.wsmon.prometheus.MetricsEndpointProvider}
 * serves the latest snapshot, mapped by {@link io.wsmon.metrics.snapshot.SnapshotMetrics}, in the
 * Prometheus text format or OpenMetrics, as the scraper's {@code Accept} asks, written by
 * {@link io.wsmon.prometheus.PrometheusText} with Prometheus' own libraries.
 */
package io.wsmon.prometheus;
