package io.wsmon.core.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, instead of sleeping and hoping. */
public final class Await {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private Await() {}

    /**
     * Polls until the condition holds.
     *
     * @param what a description for the failure message
     * @param condition the condition
     * @throws AssertionError when it does not hold within 10 s
     */
    public static void until(String what, BooleanSupplier condition) {
        poll(what, DEFAULT_TIMEOUT, 1, condition);
    }

    /**
     * Polls every 20 ms until the condition holds, for things that take a process or two, such as a JVM's
     * start; the pauses leave the cores to those processes.
     *
     * @param what a description for the failure message
     * @param timeout how long to wait at most
     * @param condition the condition
     * @throws AssertionError when it does not hold within the timeout
     */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        poll(what, timeout, 20, condition);
    }

    private static void poll(String what, Duration timeout, long pauseMillis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
