package io.wsmon.core.time;

import java.util.concurrent.locks.LockSupport;

/**
 * Monotonic time and waiting on it. The collection schedule runs on a ticker so that a test can drive
 * it with a {@link ManualClock} instead of sleeping.
 */
public interface Ticker {

    /**
     * Monotonic time, as {@link System#nanoTime()}: only differences are meaningful.
     *
     * @return the current reading in nanoseconds
     */
    long nanoTime();

    /**
     * Blocks until {@link #nanoTime()} reaches a deadline.
     *
     * @param deadlineNanos the reading to wait for
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void sleepUntil(long deadlineNanos) throws InterruptedException;

    /**
     * The real monotonic clock of this JVM.
     *
     * @return the system ticker
     */
    static Ticker system() {
        return SystemTicker.INSTANCE;
    }

    /** {@link System#nanoTime()} and {@link LockSupport#parkNanos(long)}. */
    enum SystemTicker implements Ticker {
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadlineNanos) throws InterruptedException {
            long remaining;
            while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(this, remaining);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
    }
}
