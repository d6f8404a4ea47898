package io.wsmon.core.collect;

import io.wsmon.api.CpuTimesSeconds;
import java.util.List;

/**
 * One reading of processor time: all processors together and each logical processor; and, where the same
 * reading tells them, the scheduler's counts of tasks running and blocked.
 *
 * @param all the sum over all logical processors
 * @param perCore each logical processor, by index
 * @param modes all processors together by mode; {@code null} when the platform does not tell
 * @param perCoreSeconds each logical processor's time by mode since boot, in seconds; {@code null} when the
 *     platform does not tell
 * @param tasksRunning threads running or ready to run now, as the kernel counts them; {@code null} when the
 *     platform does not tell
 * @param tasksBlocked threads blocked waiting for I/O now, as the kernel counts them; {@code null} when the
 *     platform does not tell
 */
public record CpuTicks(CpuTime all, List<CpuTime> perCore, CpuModeTicks modes, List<CpuTimesSeconds> perCoreSeconds,
        Integer tasksRunning, Integer tasksBlocked) {

    /** Copies the lists so the record stays immutable. */
    public CpuTicks {
        perCore = List.copyOf(perCore);
        perCoreSeconds = perCoreSeconds == null ? null : List.copyOf(perCoreSeconds);
    }
}
