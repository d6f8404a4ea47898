package io.wsmon.api;

/**
 * Receives every snapshot the service produces.
 *
 * <p>Each listener is called on a delivery thread, never on the collection thread, and never
 * concurrently with itself. A listener that falls behind skips to the newest snapshot: it is never
 * handed a backlog, and {@link Snapshot#seq()} shows what it missed. An exception thrown here is logged
 * and the listener keeps receiving.
 */
@FunctionalInterface
public interface SnapshotListener {

    /**
     * Called with each new snapshot.
     *
     * @param snapshot the snapshot; its JSON form is {@link Snapshot#json()}
     */
    void onSnapshot(Snapshot snapshot);
}
