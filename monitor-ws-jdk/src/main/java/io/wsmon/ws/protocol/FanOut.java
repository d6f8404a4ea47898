package io.wsmon.ws.protocol;

import io.wsmon.api.Snapshot;
import io.wsmon.api.SnapshotListener;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Where a snapshot leaves for the clients: on the source's delivery thread it is shaped once per
 * subscription shape, then handed to the event loop, which offers the shared frames to every client.
 * If the loop has not yet taken the previous tick when a new one arrives, the newer replaces it.
 */
final class FanOut implements SnapshotListener {

    private final Messages messages;
    private final SubscriptionShapes shapes;
    private final Executor loop;
    private final Consumer<Tick> deliver;
    private final AtomicReference<Tick> pending = new AtomicReference<>();
    private volatile Set<String> knownSections = Set.of();

    /**
     * @param messages the wire format of partial snapshots
     * @param shapes the shapes to encode up front
     * @param loop runs the delivery on the event loop thread
     * @param deliver offers a tick to every client; called on the loop
     */
    FanOut(Messages messages, SubscriptionShapes shapes, Executor loop, Consumer<Tick> deliver) {
        this.messages = messages;
        this.shapes = shapes;
        this.loop = loop;
        this.deliver = deliver;
    }

    @Override
    public void onSnapshot(Snapshot snapshot) {
        rememberSections(snapshot);
        Tick tick = Tick.prepare(snapshot, messages, shapes.current());
        if (pending.getAndSet(tick) == null) {
            loop.execute(this::drain);
        }
    }

    /** @return every section name seen in a snapshot so far, in first-seen order */
    Set<String> knownSections() {
        return knownSections;
    }

    private void drain() {
        Tick tick = pending.getAndSet(null);
        if (tick != null) {
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
