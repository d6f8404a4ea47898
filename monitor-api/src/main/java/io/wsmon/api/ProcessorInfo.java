package io.wsmon.api;

import java.util.List;

/**
 * The {@code processor} section.
 *
 * @param usagePercent use of all logical processors since the previous tick, in percent (0–100)
 * @param perCoreUsage use of each logical processor since the previous tick, in percent
 * @param coreCount physical cores
 * @param logicalCount logical processors (hardware threads)
 * @param frequencyCurrent current frequency in MHz (mean over logical processors); {@code null} when
 *     the platform does not tell
 * @param frequencyMax maximum frequency in MHz; {@code null} when the platform does not tell
 * @param loadAverage the 1, 5 and 15 minute load averages; {@code null} where the platform has none
 * @param timesPercent where processor time went since the previous tick, by mode, in percent;
 *     {@code null} when the platform does not tell
 * @param timesSeconds time each logical processor spent in each mode since boot, in seconds; {@code null}
 *     when the platform does not tell
 * @param procsRunning threads running or ready to run now, as the kernel's scheduler counts them (Linux
 *     {@code /proc/stat}); {@code null} when the platform does not tell
 * @param procsBlocked threads blocked waiting for I/O now, as the kernel's scheduler counts them;
 *     {@code null} when the platform does not tell
 */
public record ProcessorInfo(
        double usagePercent,
        List<Double> perCoreUsage,
        int coreCount,
        int logicalCount,
        Double frequencyCurrent,
        Double frequencyMax,
        List<Double> loadAverage,
        CpuTimesPercent timesPercent,
        List<CpuTimesSeconds> timesSeconds,
        Integer procsRunning,
        Integer procsBlocked) {

    /** Copies the lists so the record stays immutable. */
    public ProcessorInfo {
        perCoreUsage = List.copyOf(perCoreUsage);
        loadAverage = loadAverage == null ? null : List.copyOf(loadAverage);
        timesSeconds = timesSeconds == null ? null : List.copyOf(timesSeconds);
    }

    /**
     * A processor section without the time since boot by processor and mode.
     *
     * @param usagePercent use of all logical processors since the previous tick, in percent (0–100)
     * @param perCoreUsage use of each logical processor since the previous tick, in percent
     * @param coreCount physical cores
     * @param logicalCount logical processors
     * @param frequencyCurrent current frequency in MHz; {@code null} when unknown
     * @param frequencyMax maximum frequency in MHz; {@code null} when unknown
     * @param loadAverage the 1, 5 and 15 minute load averages; {@code null} where the platform has none
     * @param timesPercent where processor time went since the previous tick, by mode, in percent;
     *     {@code null} when unknown
     */
    public ProcessorInfo(double usagePercent, List<Double> perCoreUsage, int coreCount, int logicalCount,
            Double frequencyCurrent, Double frequencyMax, List<Double> loadAverage, CpuTimesPercent timesPercent) {
        this(usagePercent, perCoreUsage, coreCount, logicalCount, frequencyCurrent, frequencyMax, loadAverage,
                timesPercent, null, null, null);
    }

    /**
     * A processor section without the breakdown by mode.
     *
     * @param usagePercent use of all logical processors since the previous tick, in percent (0–100)
     * @param perCoreUsage use of each logical processor since the previous tick, in percent
     * @param coreCount physical cores
     * @param logicalCount logical processors
     * @param frequencyCurrent current frequency in MHz; {@code null} when unknown
     * @param frequencyMax maximum frequency in MHz; {@code null} when unknown
     * @param loadAverage the 1, 5 and 15 minute load averages; {@code null} where the platform has none
     */
    public ProcessorInfo(double usagePercent, List<Double> perCoreUsage, int coreCount, int logicalCount,
            Double frequencyCurrent, Double frequencyMax, List<Double> loadAverage) {
        this(usagePercent, perCoreUsage, coreCount, logicalCount, frequencyCurrent, frequencyMax, loadAverage, null,
                null, null, null);
    }
}
