package io.wsmon.gpu.nvml;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The NVML C functions as JNA maps them. Out-parameters are arrays of one or more elements (cheaper
 * than JNA structures): {@code nvmlMemory_t} is {@code long[3]}, {@code nvmlUtilization_t} is
 * {@code int[2]}; strings come back in byte buffers.
 */
interface NvmlLibrary extends Library {

    int nvmlInit_v2();

    int nvmlShutdown();

    String nvmlErrorString(int result);

    int nvmlSystemGetDriverVersion(byte[] version, int length);

    int nvmlDeviceGetCount_v2(int[] count);

    int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device);

    int nvmlDeviceGetName(Pointer device, byte[] name, int length);

    int nvmlDeviceGetUUID(Pointer device, byte[] uuid, int length);

    int nvmlDeviceGetMemoryInfo(Pointer device, long[] memory);

    int nvmlDeviceGetUtilizationRates(Pointer device, int[] utilization);

    int nvmlDeviceGetTemperature(Pointer device, int sensor, int[] celsius);

    int nvmlDeviceGetPowerUsage(Pointer device, int[] milliwatts);

    int nvmlDeviceGetEnforcedPowerLimit(Pointer device, int[] milliwatts);

    int nvmlDeviceGetFanSpeed(Pointer device, int[] percent);

    int nvmlDeviceGetClockInfo(Pointer device, int type, int[] mhz);

    int nvmlDeviceGetComputeRunningProcesses(Pointer device, int[] count, Pointer infos);
}
