/**
 * wsmon's figures on any Micrometer {@code MeterRegistry}: {@link io.wsmon.micrometer.WsmonMetrics} is a
 * {@code MeterBinder} whose meters read the latest snapshot of a running
 * {@link io.wsmon.core.MonitoringService}, mapped by {@link io.wsmon.metrics.snapshot.SnapshotMetrics}.
 */
package io.wsmon.micrometer;
