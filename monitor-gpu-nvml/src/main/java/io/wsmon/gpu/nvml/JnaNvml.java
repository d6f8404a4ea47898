package io.wsmon.gpu.nvml;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;

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
        byte[] version = new byte[DRIVER_VERSION_LENGTH];
        check("nvmlSystemGetDriverVersion", library.nvmlSystemGetDriverVersion(version, version.length));
        return text(version);
    }

    @Override
    public int deviceCount() throws NvmlException {
        int[] count = new int[1];
        check("nvmlDeviceGetCount_v2", library.nvmlDeviceGetCount_v2(count));
        return count[0];
    }

    @Override
    public long deviceHandle(int index) throws NvmlException {
        PointerByReference device = new PointerByReference();
        check("nvmlDeviceGetHandleByIndex_v2", library.nvmlDeviceGetHandleByIndex_v2(index, device));
        return Pointer.nativeValue(device.getValue());
    }

    @Override
    public String deviceName(long device) throws NvmlException {
        byte[] name = new byte[NAME_LENGTH];
        check("nvmlDeviceGetName", library.nvmlDeviceGetName(new Pointer(device), name, name.length));
        return text(name);
    }

    @Override
    public String deviceUuid(long device) throws NvmlException {
        byte[] uuid = new byte[UUID_LENGTH];
        check("nvmlDeviceGetUUID", library.nvmlDeviceGetUUID(new Pointer(device), uuid, uuid.length));
        return text(uuid);
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
        int[] celsius = new int[1];
        check("nvmlDeviceGetTemperature",
                library.nvmlDeviceGetTemperature(new Pointer(device), TEMPERATURE_GPU, celsius));
        return celsius[0];
    }

    @Override
    public int devicePowerUsage(long device) throws NvmlException {
        int[] milliwatts = new int[1];
        check("nvmlDeviceGetPowerUsage", library.nvmlDeviceGetPowerUsage(new Pointer(device), milliwatts));
        return milliwatts[0];
    }

    @Override
    public int deviceEnforcedPowerLimit(long device) throws NvmlException {
        int[] milliwatts = new int[1];
        check("nvmlDeviceGetEnforcedPowerLimit",
                library.nvmlDeviceGetEnforcedPowerLimit(new Pointer(device), milliwatts));
        return milliwatts[0];
    }

    @Override
    public int deviceFanSpeed(long device) throws NvmlException {
        int[] percent = new int[1];
        check("nvmlDeviceGetFanSpeed", library.nvmlDeviceGetFanSpeed(new Pointer(device), percent));
        return percent[0];
    }

    @Override
    public int deviceClock(long device, Clock clock) throws NvmlException {
        int[] mhz = new int[1];
        check("nvmlDeviceGetClockInfo", library.nvmlDeviceGetClockInfo(new Pointer(device), clock.code(), mhz));
        return mhz[0];
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

    private void check(String function, int result) throws NvmlException {
        if (result != SUCCESS) {
            throw new NvmlException(function, result, library.nvmlErrorString(result));
        }
    }

    private static String text(byte[] nulTerminated) {
        int length = 0;
        while (length < nulTerminated.length && nulTerminated[length] != 0) {
            length++;
        }
        return new String(nulTerminated, 0, length, StandardCharsets.UTF_8);
    }
}
