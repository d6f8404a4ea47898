package io.wsmon.gpu;

import io.wsmon.api.GpuDevice;
import java.util.List;

/**
 * Reads every GPU through one backend. Opened by the backend's {@code open} method, read once per tick,
 * closed once.
 */
public interface GpuReader extends AutoCloseable {

    /**
     * The backend this reader uses.
     *
     * @return {@link GpuBackend#NVML} or {@link GpuBackend#NVIDIA_SMI}
     */
    GpuBackend backend();

    /**
     * How many GPUs the backend found when the reader was opened.
     *
     * @return the number of GPUs, at least 1
     */
    int gpuCount();

    /**
     * Reads the current figures of every GPU. A figure the GPU does not report is {@code null}.
     *
     * @return one device per GPU, by index
     * @throws Exception when the backend failed as a whole this time (the GPU section is lost for this tick)
     */
    List<GpuDevice> read() throws Exception;

    /** Releases the backend. Called once; a read in progress on another thread may then fail. */
    @Override
    void close();
}
