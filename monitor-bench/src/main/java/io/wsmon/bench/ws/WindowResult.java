package io.wsmon.bench.ws;

import java.util.Map;

/**
 * What the simulated clients saw during one measurement window.
 *
 * @param nanos the window's length
 * @param messages data messages received by reading clients
 * @param ticks tick → {first arrival, last arrival, clients reached}
 * @param pingRttNanos round trips of the sampled pings
 * @param open clients whose handshake succeeded and that the server has not closed (as far as a reading
 *     client can tell; stalled clients do not read, so they count as open)
 * @param reading open clients that read
 * @param closedByServer clients the server closed
 * @param failed clients whose connection or handshake failed
 */
record WindowResult(long nanos, long messages, Map<Long, long[]> ticks, long[] pingRttNanos, int open, int reading,
        int closedByServer, int failed) {}
