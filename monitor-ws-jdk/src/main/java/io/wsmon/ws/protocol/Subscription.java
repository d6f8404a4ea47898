package io.wsmon.ws.protocol;

import java.util.Set;

/**
 * What a client receives each tick.
 *
 * @param sections the sections to send, or {@code null} for the whole snapshot
 * @param every send every k-th tick (by sequence number), 1 for every tick
 */
record Subscription(Set<String> sections, int every) {

    /** The default subscription of a new client: everything, every tick. */
    static final Subscription ALL = new Subscription(null, 1);

    /**
     * @param seq a tick's sequence number
     * @return whether this subscription receives that tick
     */
    boolean wants(long seq) {
        return every == 1 || seq % every == 0;
    }
}
