package io.wsmon.gpu;

/** Where the GPU figures come from. */
public enum GpuBackend {
    /** The NVIDIA Management Library, called in process through JNA: microseconds per collection. */
    NVML,
    /** The {@code nvidia-smi} command, run once per collection: tens of milliseconds each. */
    NVIDIA_SMI,
    /** Neither works on this machine: there is no {@code gpu} section. */
    NONE
}
