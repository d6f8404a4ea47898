package io.wsmon.core.collect;

import io.wsmon.api.CpuTimesSeconds;
import java.util.List;

/**
 * One reading of processor time: all processors together and each logical processor.
 *
 * @param all the sum over all logical processors
 * @param perCore each logical processor, by index
 * @param modes all processors together by mode; {@code null} when the platform does not tell
 * @param perCoreSeconds each logical processor's time by mode since boot, in seconds; {@code null} when the
 *     platform does not tell
 */
public record CpuTicks(CpuTime all, List<CpuTime> perCore, CpuModeTicks modes, List<CpuTimesSeconds> perCoreSeconds) {

    /** Copies the lists so the record stays immutable. */
    public CpuTicks {
        perCore = List.copyOf(perCore);
        perCoreSeconds = perCoreSeconds == null ? null : List.copyOf(perCoreSeconds);
    }
}
