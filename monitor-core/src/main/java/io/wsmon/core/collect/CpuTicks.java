package io.wsmon.core.collect;

import java.util.List;

/**
 * One reading of processor time: all processors together and each logical processor.
 *
 * @param all the sum over all logical processors
 * @param perCore each logical processor, by index
 * @param modes all processors together by mode; {@code null} when the platform does not tell
 */
public record CpuTicks(CpuTime all, List<CpuTime> perCore, CpuModeTicks modes) {

    /** Copies the list so the record stays immutable. */
    public CpuTicks {
        perCore = List.copyOf(perCore);
    }
}
