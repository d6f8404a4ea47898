/**
 * The collection service: {@link io.wsmon.core.MonitoringService}, configured with
 * {@link io.wsmon.core.MonitoringService#builder()}, collects a snapshot of every monitor at a fixed
 * rate, keeps a history, and hands each snapshot to listeners and exporters.
 *
 * <p>Subpackages: {@code collect} (built-in monitors), {@code json} (the wire format),
 * {@code export} (the JSON file exporter), {@code alert} (rules and handlers), {@code format} (text for
 * people), {@code time} (injectable time).
 */
package io.wsmon.core;
