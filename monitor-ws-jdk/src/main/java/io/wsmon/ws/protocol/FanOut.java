package io.wsmon.ws.protocol;

import io.wsmon.api.Snapshot;
import io.wsmon.api.SnapshotListener;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a snapshot leaves for the clients: on the source's delivery thread it is shaped once per
 * subscription shape, then handed to the event loop, which offers the shared frames to every client.
 *
 * <p>Ticks the loop has not taken yet wait in a small queue and are delivered in order, so a loop that is
 * late by a few ticks costs no client a tick; only past {@link #MAX_PENDING} waiting ticks is the oldest
 * dropped (counted, {@link #lostTicks()}, and logged on the 1st, 2nd, 4th, 8th... loss). Whether a client
 * that cannot keep up gets every tick is its connection's business: it only ever holds the newest.
 *
 * <p>While no client is connected a snapshot is neither shaped nor handed over, so an idle server's loop
 * sleeps through the ticks; the first client then gets the source's newest snapshot
 * ({@link MonitoringProtocol#latestTick()}).
 */
final class FanOut implements SnapshotListener {

    /** Ticks that may wait for the event loop before the oldest is dropped. */
    static final int MAX_PENDING = 8;

    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);
    private static final Tick[] NO_TICKS = new Tick[0];

    private final Messages messages;
    private final SubscriptionShapes shapes;
    private final Executor loop;
    private final Consumer<Tick> deliver;
    private final BooleanSupplier anyClient;
    private final ArrayDeque<Tick> pending = new ArrayDeque<>(MAX_PENDING);
    private boolean drainScheduled;
    private long lost;
    private volatile Set<String> knownSections = Set.of();

    /**
     * @param messages the wire format of partial snapshots
     * @param shapes the shapes to encode up front
     * @param loop runs the delivery on the event loop thread
     * @param deliver offers a tick to every client; called on the loop
     * @param anyClient whether a client is connected now; any thread
     */
    FanOut(Messages messages, SubscriptionShapes shapes, Executor loop, Consumer<Tick> deliver,
            BooleanSupplier anyClient) {
        this.messages = messages;
        this.shapes = shapes;
        this.loop = loop;
        this.deliver = deliver;
        this.anyClient = anyClient;
    }

    @Override
    public void onSnapshot(Snapshot snapshot) {
        rememberSections(snapshot);
        if (!anyClient.getAsBoolean()) {
            return;
        }
        Tick tick = Tick.prepare(snapshot, messages, shapes.current());
        boolean schedule;
        long lostNow = 0;
        synchronized (pending) {
            if (pending.size() == MAX_PENDING) {
                pending.removeFirst();
                lostNow = ++lost;
            }
            pending.addLast(tick);
            schedule = !drainScheduled;
            drainScheduled = true;
        }
        if (Long.bitCount(lostNow) == 1) {
            LOG.warn("The WebSocket event loop is {} ticks late; the oldest was dropped for every client"
                    + " ({} ticks dropped so far)", MAX_PENDING, lostNow);
        }
        if (schedule) {
            loop.execute(this::drain);
        }
    }

    /** @return every section name seen in a snapshot so far, in first-seen order */
    Set<String> knownSections() {
        return knownSections;
    }

    /** @return ticks dropped because {@link #MAX_PENDING} newer ones were waiting for the loop; any thread */
    long lostTicks() {
        synchronized (pending) {
            return lost;
        }
    }

    /** Delivers the waiting ticks, oldest first; a tick that arrives meanwhile schedules the next drain. */
    private void drain() {
        Tick[] waiting;
        synchronized (pending) {
            waiting = pending.toArray(NO_TICKS);
            pending.clear();
            drainScheduled = false;
        }
        for (Tick tick : waiting) {
            deliver.accept(tick);
        }
    }

    private void rememberSections(Snapshot snapshot) {
        Set<String> known = knownSections;
        if (!known.containsAll(snapshot.sections().keySet())) {
            Set<String> union = new LinkedHashSet<>(known);
            union.addAll(snapshot.sections().keySet());
            knownSections = Collections.unmodifiableSet(union);
        }
    }
}
