package io.wsmon.gpu.nvml;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Nvml} on the real library, through JNA: each method is one NVML call and its error check. */
public final class JnaNvml implements Nvml {

    private static final int SUCCESS = 0;
    private static final int INSUFFICIENT_SIZE = 7;
    private static final int TEMPERATURE_GPU = 0;
    // NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE, NVML_DEVICE_NAME_V2_BUFFER_SIZE, NVML_DEVICE_UUID_V2_BUFFER_SIZE
    private static final int DRIVER_VERSION_LENGTH = 80;
    private static final int NAME_LENGTH = 96;
    private static final int UUID_LENGTH = 96;

    private final NvmlLibrary library;
    private final Map<Integer, String> descriptions = new ConcurrentHashMap<>();

    private JnaNvml(NvmlLibrary library) {
        this.library = library;
    }

    /**
     * Loads the NVML library. This does not initialise it.
     *
     * @param nameOrPath a library name ({@code "nvidia-ml"}, {@code "libnvidia-ml.so.1"},
     *     {@code "nvml.dll"}) or a path to the library file
     * @return the binding
     * @throws UnsatisfiedLinkError when the library cannot be found or loaded
     */
    public static JnaNvml load(String nameOrPath) {
        return new JnaNvml(Native.load(nameOrPath, NvmlLibrary.class));
    }

    @Override
    public void init() throws NvmlException {
        check("nvmlInit_v2", library.nvmlInit_v2());
    }

    @Override
    public void shutdown() throws NvmlException {
        check("nvmlShutdown", library.nvmlShutdown());
    }

    @Override
    public String systemDriverVersion() throws NvmlException {
        return textOut("nvmlSystemGetDriverVersion", DRIVER_VERSION_LENGTH, library::nvmlSystemGetDriverVersion);
    }

    @Override
    public int deviceCount() throws NvmlException {
        return intOut("nvmlDeviceGetCount_v2", library::nvmlDeviceGetCount_v2);
    }

    @Override
    public long deviceHandle(int index) throws NvmlException {
        PointerByReference device = new PointerByReference();
        check("nvmlDeviceGetHandleByIndex_v2", library.nvmlDeviceGetHandleByIndex_v2(index, device));
        return Pointer.nativeValue(device.getValue());
    }

    @Override
    public String deviceName(long device) throws NvmlException {
        return textOut("nvmlDeviceGetName", NAME_LENGTH,
                (buffer, length) -> library.nvmlDeviceGetName(new Pointer(device), buffer, length));
    }

    @Override
    public String deviceUuid(long device) throws NvmlException {
        return textOut("nvmlDeviceGetUUID", UUID_LENGTH,
                (buffer, length) -> library.nvmlDeviceGetUUID(new Pointer(device), buffer, length));
    }

    @Override
    public Memory deviceMemory(long device) throws NvmlException {
        long[] memory = new long[3];
        check("nvmlDeviceGetMemoryInfo", library.nvmlDeviceGetMemoryInfo(new Pointer(device), memory));
        return new Memory(memory[0], memory[1], memory[2]);
    }

    @Override
    public Utilization deviceUtilization(long device) throws NvmlException {
        int[] rates = new int[2];
        check("nvmlDeviceGetUtilizationRates", library.nvmlDeviceGetUtilizationRates(new Pointer(device), rates));
        return new Utilization(rates[0], rates[1]);
    }

    @Override
    public int deviceTemperature(long device) throws NvmlException {
        return intOut("nvmlDeviceGetTemperature",
                celsius -> library.nvmlDeviceGetTemperature(new Pointer(device), TEMPERATURE_GPU, celsius));
    }

    @Override
    public int devicePowerUsage(long device) throws NvmlException {
        return intOut("nvmlDeviceGetPowerUsage", mw -> library.nvmlDeviceGetPowerUsage(new Pointer(device), mw));
    }

    @Override
    public int deviceEnforcedPowerLimit(long device) throws NvmlException {
        return intOut("nvmlDeviceGetEnforcedPowerLimit",
                mw -> library.nvmlDeviceGetEnforcedPowerLimit(new Pointer(device), mw));
    }

    @Override
    public int deviceFanSpeed(long device) throws NvmlException {
        return intOut("nvmlDeviceGetFanSpeed", percent -> library.nvmlDeviceGetFanSpeed(new Pointer(device), percent));
    }

    @Override
    public int deviceClock(long device, Clock clock) throws NvmlException {
        return intOut("nvmlDeviceGetClockInfo",
                mhz -> library.nvmlDeviceGetClockInfo(new Pointer(device), clock.code(), mhz));
    }

    @Override
    public int deviceComputeProcessCount(long device) throws NvmlException {
        // Asked with room for no process, NVML answers the count: INSUFFICIENT_SIZE when there are some.
        int[] count = new int[1];
        int result = library.nvmlDeviceGetComputeRunningProcesses(new Pointer(device), count, null);
        if (result != INSUFFICIENT_SIZE) {
            check("nvmlDeviceGetComputeRunningProcesses", result);
        }
        return count[0];
    }

    /** An NVML call whose answer is one {@code unsigned int} written through a pointer. */
    @FunctionalInterface
    private interface IntOutCall {
        int call(int[] out);
    }

    private int intOut(String function, IntOutCall call) throws NvmlException {
        int[] out = new int[1];
        check(function, call.call(out));
        return out[0];
    }

    /** An NVML call that writes a NUL-terminated string into a buffer of a given length. */
    @FunctionalInterface
    private interface TextOutCall {
        int call(byte[] buffer, int length);
    }

    private String textOut(String function, int length, TextOutCall call) throws NvmlException {
        byte[] buffer = new byte[length];
        check(function, call.call(buffer, length));
        int end = 0;
        while (end < length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, StandardCharsets.UTF_8);
    }

    private void check(String function, int result) throws NvmlException {
        if (result != SUCCESS) {
            throw new NvmlException(function, result, descriptions.computeIfAbsent(result, library::nvmlErrorString));
        }
    }
}
