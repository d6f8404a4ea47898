package io.wsmon.gpu;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a condition in tests: polled every few milliseconds, failing after a deadline. */
final class Conditions {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Conditions() {}

    /**
     * Waits until the condition holds.
     *
     * @param what the condition, for the failure message
     * @param condition the condition
     * @throws AssertionError when it still does not hold after 10 s
     */
    static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still waiting after " + TIMEOUT + " for " + what);
            }
            Thread.sleep(5);
        }
    }
}
