/**
 * NVIDIA GPU monitoring: the {@code gpu} section.
 *
 * <p>{@link io.wsmon.gpu.GpuMonitor} is the {@link io.wsmon.api.Monitor}, registered for
 * {@link java.util.ServiceLoader}; {@link io.wsmon.gpu.GpuSettings} its options. It reads through a
 * {@link io.wsmon.gpu.GpuReader}: NVML ({@link io.wsmon.gpu.nvml}) or nvidia-smi ({@link io.wsmon.gpu.smi}).
 */
package io.wsmon.gpu;
