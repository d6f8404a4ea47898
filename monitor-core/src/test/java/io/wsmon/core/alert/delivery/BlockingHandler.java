package io.wsmon.core.alert.delivery;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A handler that blocks in {@code handle} until released or interrupted. */
final class BlockingHandler implements AlertHandler {

    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();

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
