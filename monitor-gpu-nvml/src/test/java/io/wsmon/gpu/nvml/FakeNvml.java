package io.wsmon.gpu.nvml;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An {@link Nvml} in memory, for testing {@link NvmlReader}'s logic: every GPU answers the same figures,
 * and a test makes chosen calls fail with chosen NVML error codes.
 */
final class FakeNvml implements Nvml {

    private final int gpus;
    private final Map<String, Integer> failures = new HashMap<>();
    private final Set<Integer> unopenable = new HashSet<>();
    int inits;
    int shutdowns;

    FakeNvml(int gpus) {
        this.gpus = gpus;
    }

    /** Makes a call fail from now on: {@code function} as NVML names it, on one GPU (-1 for system calls). */
    FakeNvml failing(String function, int gpu, int code) {
        failures.put(function + "@" + gpu, code);
        return this;
    }

    /** Makes a call succeed again. */
    FakeNvml recovered(String function, int gpu) {
        failures.remove(function + "@" + gpu);
        return this;
    }

    /** Makes {@code nvmlDeviceGetHandleByIndex_v2} fail for a GPU. */
    FakeNvml unopenable(int gpu) {
        unopenable.add(gpu);
        return this;
    }

    private void check(String function, long gpu) throws NvmlException {
        Integer code = failures.get(function + "@" + gpu);
        if (code != null) {
            throw new NvmlException(function, code, "fake error " + code);
        }
    }

    @Override
    public void init() throws NvmlException {
        check("nvmlInit_v2", -1);
        inits++;
    }

    @Override
    public void shutdown() {
        shutdowns++;
    }

    @Override
    public String systemDriverVersion() throws NvmlException {
        check("nvmlSystemGetDriverVersion", -1);
        return "999.1";
    }

    @Override
    public int deviceCount() throws NvmlException {
        check("nvmlDeviceGetCount_v2", -1);
        return gpus;
    }

    @Override
    public long deviceHandle(int index) throws NvmlException {
        if (unopenable.contains(index)) {
            throw new NvmlException("nvmlDeviceGetHandleByIndex_v2", 4, "fake no permission");
        }
        return index;
    }

    @Override
    public String deviceName(long device) throws NvmlException {
        check("nvmlDeviceGetName", device);
        return "Fake GPU " + device;
    }

    @Override
    public String deviceUuid(long device) throws NvmlException {
        check("nvmlDeviceGetUUID", device);
        return "GPU-fake-" + device;
    }

    @Override
    public Memory deviceMemory(long device) throws NvmlException {
        check("nvmlDeviceGetMemoryInfo", device);
        return new Memory(8000, 6000, 2000);
    }

    @Override
    public Utilization deviceUtilization(long device) throws NvmlException {
        check("nvmlDeviceGetUtilizationRates", device);
        return new Utilization(50, 25);
    }

    @Override
    public int deviceTemperature(long device) throws NvmlException {
        check("nvmlDeviceGetTemperature", device);
        return 70;
    }

    @Override
    public int devicePowerUsage(long device) throws NvmlException {
        check("nvmlDeviceGetPowerUsage", device);
        return 100_500;
    }

    @Override
    public int deviceEnforcedPowerLimit(long device) throws NvmlException {
        check("nvmlDeviceGetEnforcedPowerLimit", device);
        return 250_000;
    }

    @Override
    public int deviceFanSpeed(long device) throws NvmlException {
        check("nvmlDeviceGetFanSpeed", device);
        return 30;
    }

    @Override
    public int deviceClock(long device, Clock clock) throws NvmlException {
        check("nvmlDeviceGetClockInfo", device);
        return clock == Clock.GRAPHICS ? 1500 : 7000;
    }

    @Override
    public int deviceComputeProcessCount(long device) throws NvmlException {
        check("nvmlDeviceGetComputeRunningProcesses", device);
        return 1;
    }
}
