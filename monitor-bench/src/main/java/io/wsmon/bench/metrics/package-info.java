/**
 * What the metrics outputs cost: a scrape of {@code /metrics} (mapping a snapshot to families and writing the
 * exposition) and an OTLP push (mapping, the SDK's collection, encoding and sending).
 */
package io.wsmon.bench.metrics;
