package io.wsmon.core;

import io.wsmon.api.Snapshot;
import io.wsmon.api.SnapshotListener;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each snapshot to every listener without ever waiting for one. Each subscription holds one
 * pending snapshot; a listener still busy when the next arrives skips to the newest (counted), so a
 * slow listener costs itself snapshots and nobody else anything.
 */
final class ListenerHub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ListenerHub.class);

    private final CopyOnWriteArrayList<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicLong skips = new AtomicLong();
    private final ExecutorService threads = Executors.newCachedThreadPool(new ThreadNaming("wsmon-listener-"));

    /** Adds a listener; it receives snapshots published from now on. */
    AutoCloseable subscribe(SnapshotListener listener) {
        Delivery delivery = new Delivery(listener);
        deliveries.add(delivery);
        return () -> deliveries.remove(delivery);
    }

    void publish(Snapshot snapshot) {
        for (Delivery delivery : deliveries) {
            delivery.offer(snapshot);
        }
    }

    long skips() {
        return skips.get();
    }

    @Override
    public void close() {
        deliveries.clear();
        threads.shutdown();
    }

    /** One listener's mailbox of size one, drained on a pool thread while anything is pending. */
    private final class Delivery implements Runnable {
        private final SnapshotListener listener;
        private final AtomicReference<Snapshot> pending = new AtomicReference<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final FailureLog failures;

        Delivery(SnapshotListener listener) {
            this.listener = listener;
            this.failures = new FailureLog(log, "listener " + listener);
        }

        void offer(Snapshot snapshot) {
            if (pending.getAndSet(snapshot) != null) {
                skips.incrementAndGet();
            }
            if (scheduled.compareAndSet(false, true)) {
                try {
                    threads.execute(this);
                } catch (RejectedExecutionException e) {
                    scheduled.set(false); // shutting down
                }
            }
        }

        @Override
        public void run() {
            while (true) {
                Snapshot snapshot = pending.getAndSet(null);
                if (snapshot == null) {
                    scheduled.set(false);
                    if (pending.get() == null || !scheduled.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                try {
                    listener.onSnapshot(snapshot);
                    failures.succeeded();
                } catch (RuntimeException e) {
                    failures.failed("onSnapshot threw", e);
                }
            }
        }
    }
}
