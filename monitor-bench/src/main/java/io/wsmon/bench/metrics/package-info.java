/** What a scrape of {@code /metrics} costs: mapping a snapshot to families and writing the exposition. */
package io.wsmon.bench.metrics;
