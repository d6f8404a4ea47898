package io.wsmon.core.collect;

import java.time.Duration;

/**
 * How the live heap (heap in use right after the last collection) moved over a window, from the leak
 * check's samples: the seed's {@code get_memory_trend(minutes)}.
 *
 * @param window the window asked for
 * @param samples how many samples fell in it
 * @param covered the time between the first and the last of them
 * @param growthBytesPerHour the least-squares slope through them, in bytes per hour; negative when the
 *     heap shrank
 * @param averageBytes their mean, in bytes
 */
public record HeapTrend(Duration window, int samples, Duration covered, double growthBytesPerHour, double averageBytes) {}
