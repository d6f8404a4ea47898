/**
 * Metric families in neutral form, shared by every output to another metrics engine: a
 * {@link io.wsmon.metrics.Figure} names one figure for Prometheus and for OpenTelemetry and gives its
 * type, base unit and help; a {@link io.wsmon.metrics.MetricFamily} is a figure with its
 * {@link io.wsmon.metrics.Sample}s. {@link io.wsmon.metrics.snapshot.SnapshotMetrics} makes them from a
 * snapshot (SPEC §10).
 */
package io.wsmon.metrics;
