package io.wsmon.core.alert;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A handler that blocks in {@code handle} until released or interrupted, as one stuck on a dead server. */
public final class BlockingHandler implements AlertHandler {

    /** Counted down when the first call enters {@code handle}. */
    public final CountDownLatch entered = new CountDownLatch(1);
    /** Count down to let every call return. */
    public final CountDownLatch release = new CountDownLatch(1);
    /** Counted down when a call was interrupted. */
    public final CountDownLatch interrupted = new CountDownLatch(1);
    /** Counted down when the handler was closed. */
    public final CountDownLatch closed = new CountDownLatch(1);
    /** How many calls entered {@code handle}. */
    public final AtomicInteger calls = new AtomicInteger();

    @Override
    public String name() {
        return "blocking";
    }

    @Override
    public void handle(Alert alert) throws InterruptedException {
        calls.incrementAndGet();
        entered.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
        }
    }

    @Override
    public void close() {
        closed.countDown();
    }
}
