package io.wsmon.gpu.nvml;

/**
 * An NVML function returned an error code. It carries no stack trace: it is thrown at every tick for
 * each figure a GPU does not support, and the function name in the message says where it came from.
 */
public class NvmlException extends Exception {
    private static final long serialVersionUID = 1L;

    /** {@code NVML_ERROR_NOT_SUPPORTED}: the device does not offer the queried figure. */
    public static final int NOT_SUPPORTED = 3;

    private final String function;
    private final int code;

    /**
     * @param function the NVML function, for example {@code "nvmlDeviceGetPowerUsage"}
     * @param code the {@code nvmlReturn_t} it returned
     * @param description NVML's description of the code ({@code nvmlErrorString})
     */
    public NvmlException(String function, int code, String description) {
        super(function + ": " + description + " (NVML error " + code + ")", null, false, false);
        this.function = function;
        this.code = code;
    }

    /**
     * The NVML function that failed.
     *
     * @return its name
     */
    public String function() {
        return function;
    }

    /**
     * The error code.
     *
     * @return the {@code nvmlReturn_t} value
     */
    public int code() {
        return code;
    }

    /**
     * Whether the device simply does not offer the figure, which is not a failure.
     *
     * @return true for {@code NVML_ERROR_NOT_SUPPORTED}
     */
    public boolean isNotSupported() {
        return code == NOT_SUPPORTED;
    }
}
