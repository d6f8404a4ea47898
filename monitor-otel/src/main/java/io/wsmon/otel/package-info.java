/**
 * Pushes wsmon's figures to an OpenTelemetry Collector (or any OTLP/HTTP receiver):
 * {@link io.wsmon.otel.OtlpExporter} is an {@link io.wsmon.api.Exporter} found by
 * {@link java.util.ServiceLoader}, configured by {@link io.wsmon.otel.OtlpSettings}, that records each
 * snapshot's families (mapped by {@link io.wsmon.metrics.snapshot.SnapshotMetrics}) on the OpenTelemetry
 * SDK's observable instruments and sends them with its OTLP exporter over the JDK's HTTP client.
 */
package io.wsmon.otel;
