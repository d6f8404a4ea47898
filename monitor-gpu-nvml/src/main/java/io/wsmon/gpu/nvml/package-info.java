/**
 * GPUs through the NVIDIA Management Library. {@link io.wsmon.gpu.nvml.Nvml} names the NVML functions
 * used, {@link io.wsmon.gpu.nvml.JnaNvml} calls them through JNA, and {@link io.wsmon.gpu.nvml.NvmlReader}
 * holds the logic: initialise once, read, shut down.
 */
package io.wsmon.gpu.nvml;
