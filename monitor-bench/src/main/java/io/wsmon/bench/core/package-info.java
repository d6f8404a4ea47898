/**
 * What a snapshot costs: JMH benchmarks of one collection and one encode, and {@link
 * io.wsmon.bench.core.ServiceCpu}, which runs the real service at its real cadence and reports the CPU
 * it uses.
 */
package io.wsmon.bench.core;
