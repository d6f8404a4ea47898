package io.wsmon.api;

import java.util.List;

/**
 * The {@code gpu} section.
 *
 * @param count number of GPUs
 * @param gpus each GPU, by index
 */
public record GpuInfo(int count, List<GpuDevice> gpus) {

    /** Copies the list so the record stays immutable. */
    public GpuInfo {
        gpus = List.copyOf(gpus);
    }
}
