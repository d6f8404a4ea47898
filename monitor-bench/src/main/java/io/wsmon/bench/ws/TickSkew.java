package io.wsmon.bench.ws;

import java.util.HashMap;
import java.util.Map;

/**
 * When each tick reached the first and the last client, and how many clients it reached, for the ticks
 * of a measurement window. Confined to the load loop thread.
 */
final class TickSkew {

    private final Map<Long, long[]> ticks = new HashMap<>();

    /**
     * Records that a client received a tick.
     *
     * @param seq the tick
     * @param nanos when
     */
    void received(long seq, long nanos) {
        long[] t = ticks.computeIfAbsent(seq, s -> new long[] {nanos, nanos, 0});
        t[0] = Math.min(t[0], nanos);
        t[1] = Math.max(t[1], nanos);
        t[2]++;
    }

    /** @return tick → {first arrival, last arrival, clients reached} */
    Map<Long, long[]> ticks() {
        return ticks;
    }
}
