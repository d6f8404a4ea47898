package io.wsmon.examples;

import java.util.concurrent.CountDownLatch;

/** Lets an example's {@code main} run until Ctrl-C (or SIGTERM), then close what it started. */
public final class CtrlC {

    private CtrlC() {}

    /**
     * Blocks until the JVM is asked to stop, then closes the resources, last one first, before it exits.
     *
     * @param resources what the example started, in the order it started them
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public static void awaitThenClose(AutoCloseable... resources) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (int i = resources.length - 1; i >= 0; i--) {
                try {
                    resources[i].close();
                } catch (Exception e) {
                    System.err.println("closing " + resources[i] + ": " + e);
                }
            }
            closed.countDown();
        }, "ctrl-c"));
        closed.await();
    }
}
