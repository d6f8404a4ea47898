/**
 * What the benchmarks read about a child process from outside it: CPU time, per thread too, and resident
 * memory, from Linux's {@code /proc}.
 */
package io.wsmon.bench.proc;
