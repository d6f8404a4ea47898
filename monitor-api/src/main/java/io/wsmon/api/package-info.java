/**
 * The wsmon contract: the data model of a monitoring snapshot and the three extension points.
 *
 * <p>A {@link io.wsmon.api.Snapshot} is what one collection tick produces: a sequence number, a
 * timestamp, one value per section ({@link io.wsmon.api.ProcessorInfo}, {@link io.wsmon.api.MemoryInfo},
 * {@link io.wsmon.api.DiskInfo}, {@link io.wsmon.api.SystemInfo}, {@link io.wsmon.api.NetworkInfo},
 * {@link io.wsmon.api.JvmInfo}, {@link io.wsmon.api.GpuInfo} or any record of a custom monitor), the
 * {@link io.wsmon.api.Alert}s raised at that tick, and its JSON, encoded once on first use.
 *
 * <p>Extensions implement {@link io.wsmon.api.Monitor} (adds a section), {@link io.wsmon.api.Exporter}
 * (sends snapshots somewhere) or {@link io.wsmon.api.AlertHandler} (delivers alerts), and are found
 * through {@link java.util.ServiceLoader} when listed in {@code META-INF/services/<interface name>}.
 * Each gets a {@link io.wsmon.api.MonitorContext} at start and is closed when the service stops.
 *
 * <p>This module depends on nothing but the JDK.
 */
package io.wsmon.api;
