package io.wsmon.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A clock that moves only when told to: wall time ({@link Clock}) and monotonic time ({@link Ticker})
 * advance together by {@link #advance(Duration)}. Threads in {@link #sleepUntil(long)} wake when an
 * advance reaches their deadline, so a test steps a schedule tick by tick without sleeping.
 *
 * <p>Thread-safe. Meant for tests, and public so that tests of extensions can use it too.
 */
public final class ManualClock extends Clock implements Ticker {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private final ZoneId zone;
    private final Instant origin;
    private long elapsedNanos;
    private int sleepers;

    /**
     * @param start the wall time to begin at
     * @param zone the zone reported by {@link #getZone()}
     */
    public ManualClock(Instant start, ZoneId zone) {
        this.origin = start;
        this.zone = zone;
    }

    /**
     * Moves time forward and wakes the sleepers whose deadline is reached.
     *
     * @param amount how far; not negative
     */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("advance: amount must not be negative, got " + amount);
        }
        lock.lock();
        try {
            elapsedNanos += amount.toNanos();
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until at least {@code count} threads are blocked in {@link #sleepUntil(long)}, for example
     * until a scheduler has finished its tick and waits for the next one.
     *
     * @param count how many sleepers to wait for
     * @param timeout how long to wait at most, in real time
     * @throws TimeoutException when fewer threads were sleeping after the timeout
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void awaitSleepers(int count, Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (sleepers < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException(sleepers + " of " + count + " sleepers after " + timeout);
                }
                moved.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(10)));
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long nanoTime() {
        lock.lock();
        try {
            return elapsedNanos;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void sleepUntil(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            sleepers++;
            moved.signalAll();
            while (elapsedNanos < deadlineNanos) {
                moved.await();
            }
        } finally {
            sleepers--;
            lock.unlock();
        }
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(nanoTime());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * A view of this clock in another zone: it moves when this clock is advanced.
     *
     * @param newZone the zone
     * @return a clock reading this clock's instant in {@code newZone}
     */
    @Override
    public Clock withZone(ZoneId newZone) {
        ManualClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return newZone;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return source.withZone(zone);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }
}
