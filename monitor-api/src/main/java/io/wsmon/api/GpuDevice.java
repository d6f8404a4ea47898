package io.wsmon.api;

/**
 * One GPU, part of {@link GpuInfo}. A field the card or driver does not report is {@code null} and
 * absent from the JSON, never 0.
 *
 * @param id the device index
 * @param name the product name
 * @param uuid the device UUID; {@code null} when unknown
 * @param driverVersion the driver version; {@code null} when unknown
 * @param memoryTotal total memory, in bytes
 * @param memoryUsed memory in use, in bytes
 * @param memoryFree free memory, in bytes
 * @param gpuUsagePercent GPU utilisation over the driver's last sample period, in percent
 * @param memoryUsagePercent memory controller utilisation, in percent
 * @param temperature core temperature, in °C
 * @param powerDraw power draw, in W
 * @param powerLimit enforced power limit, in W
 * @param fanSpeed fan speed, in percent of its maximum
 * @param clockGraphics graphics clock, in MHz
 * @param clockMemory memory clock, in MHz
 * @param computeProcesses number of compute processes running on the GPU
 */
public record GpuDevice(
        int id,
        String name,
        String uuid,
        String driverVersion,
        Long memoryTotal,
        Long memoryUsed,
        Long memoryFree,
        Double gpuUsagePercent,
        Double memoryUsagePercent,
        Double temperature,
        Double powerDraw,
        Double powerLimit,
        Double fanSpeed,
        Integer clockGraphics,
        Integer clockMemory,
        Integer computeProcesses) {

    /**
     * Memory in use as a share of total memory, the unit of the {@code gpu memory_percent} alert rule.
     *
     * @return percent (0–100), or {@code null} when either figure is unknown or the total is 0
     */
    public Double memoryPercent() {
        if (memoryUsed == null || memoryTotal == null || memoryTotal == 0) {
            return null;
        }
        return memoryUsed * 100.0 / memoryTotal;
    }
}
