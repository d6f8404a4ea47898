package io.wsmon.core.collect;

/**
 * Implemented by a monitor whose {@code collect} never waits on anything that can hang, such as reading
 * {@code /proc}. The service then calls it on the collection thread instead of handing it to a thread of
 * its own, which saves two context switches per tick. A monitor that says so and then blocks delays the
 * whole tick: when in doubt, do not implement this.
 */
public interface InlineMonitor {

    /**
     * @return whether {@code collect} can run on the collection thread right now
     */
    boolean runsInline();
}
