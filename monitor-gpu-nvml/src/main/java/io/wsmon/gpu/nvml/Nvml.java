package io.wsmon.gpu.nvml;

/**
 * The NVML functions wsmon uses, one method per function, with Java types. {@link JnaNvml} calls the
 * real library; the logic that uses them ({@link NvmlReader}) knows nothing of JNA.
 *
 * <p>Every method throws {@link NvmlException} when the function returns an error code. A device is
 * identified by its NVML handle, an opaque native pointer value.
 */
public interface Nvml {

    /**
     * {@code nvmlInit_v2}: initialises the library. NVML counts initialisations; each needs a
     * {@link #shutdown()}.
     *
     * @throws NvmlException when NVML cannot start, for example without a driver
     */
    void init() throws NvmlException;

    /**
     * {@code nvmlShutdown}: releases one initialisation.
     *
     * @throws NvmlException when NVML was not initialised
     */
    void shutdown() throws NvmlException;

    /**
     * {@code nvmlSystemGetDriverVersion}.
     *
     * @return the driver version, for example {@code "550.54.15"}
     * @throws NvmlException on failure
     */
    String systemDriverVersion() throws NvmlException;

    /**
     * {@code nvmlDeviceGetCount_v2}.
     *
     * @return the number of GPUs
     * @throws NvmlException on failure
     */
    int deviceCount() throws NvmlException;

    /**
     * {@code nvmlDeviceGetHandleByIndex_v2}.
     *
     * @param index the GPU index, from 0
     * @return the device handle
     * @throws NvmlException on failure, for example when the process may not use this GPU
     */
    long deviceHandle(int index) throws NvmlException;

    /**
     * {@code nvmlDeviceGetName}.
     *
     * @param device the device handle
     * @return the product name
     * @throws NvmlException on failure
     */
    String deviceName(long device) throws NvmlException;

    /**
     * {@code nvmlDeviceGetUUID}.
     *
     * @param device the device handle
     * @return the UUID, for example {@code "GPU-5ca1ab1e-..."}
     * @throws NvmlException on failure
     */
    String deviceUuid(long device) throws NvmlException;

    /**
     * {@code nvmlDeviceGetMemoryInfo}.
     *
     * @param device the device handle
     * @return the memory figures, in bytes
     * @throws NvmlException on failure
     */
    Memory deviceMemory(long device) throws NvmlException;

    /**
     * {@code nvmlDeviceGetUtilizationRates}.
     *
     * @param device the device handle
     * @return GPU and memory controller utilisation over the driver's last sample period, in percent
     * @throws NvmlException on failure
     */
    Utilization deviceUtilization(long device) throws NvmlException;

    /**
     * {@code nvmlDeviceGetTemperature} of the GPU core sensor.
     *
     * @param device the device handle
     * @return the temperature, in °C
     * @throws NvmlException on failure
     */
    int deviceTemperature(long device) throws NvmlException;

    /**
     * {@code nvmlDeviceGetPowerUsage}.
     *
     * @param device the device handle
     * @return the power draw, in milliwatts
     * @throws NvmlException on failure
     */
    int devicePowerUsage(long device) throws NvmlException;

    /**
     * {@code nvmlDeviceGetEnforcedPowerLimit}.
     *
     * @param device the device handle
     * @return the power limit the driver enforces, in milliwatts
     * @throws NvmlException on failure
     */
    int deviceEnforcedPowerLimit(long device) throws NvmlException;

    /**
     * {@code nvmlDeviceGetFanSpeed}.
     *
     * @param device the device handle
     * @return the fan speed, in percent of its maximum
     * @throws NvmlException on failure; {@code NOT_SUPPORTED} on passively cooled cards
     */
    int deviceFanSpeed(long device) throws NvmlException;

    /**
     * {@code nvmlDeviceGetClockInfo}.
     *
     * @param device the device handle
     * @param clock which clock
     * @return the current clock, in MHz
     * @throws NvmlException on failure
     */
    int deviceClock(long device, Clock clock) throws NvmlException;

    /**
     * {@code nvmlDeviceGetComputeRunningProcesses}, asking only for the number of processes.
     *
     * @param device the device handle
     * @return the number of processes with a compute context on the GPU
     * @throws NvmlException on failure
     */
    int deviceComputeProcessCount(long device) throws NvmlException;

    /**
     * {@code nvmlMemory_t}.
     *
     * @param total total memory, in bytes
     * @param free free memory, in bytes
     * @param used memory in use, in bytes
     */
    record Memory(long total, long free, long used) {}

    /**
     * {@code nvmlUtilization_t}.
     *
     * @param gpu GPU utilisation, in percent
     * @param memory memory controller utilisation, in percent
     */
    record Utilization(int gpu, int memory) {}

    /** {@code nvmlClockType_t}: the clocks wsmon reads. */
    enum Clock {
        /** {@code NVML_CLOCK_GRAPHICS}. */
        GRAPHICS(0),
        /** {@code NVML_CLOCK_MEM}. */
        MEMORY(2);

        private final int code;

        Clock(int code) {
            this.code = code;
        }

        /**
         * The value NVML expects.
         *
         * @return the {@code nvmlClockType_t} value
         */
        public int code() {
            return code;
        }
    }
}
