/**
 * GPU benchmarks: the cost of one collection through NVML and through nvidia-smi, on the stand-ins.
 */
package io.wsmon.bench.gpu;
