package io.wsmon.core;

import io.wsmon.core.time.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task at a fixed rate on a thread of its own: run {@code k} starts at {@code origin + k * period},
 * so the schedule never drifts; runs never overlap; a run that overruns makes the loop skip the slots it
 * missed (counted) instead of bursting to catch up. The origin is the time {@link #start()} is called,
 * on the caller's thread, so a clock that moves before the loop's thread gets going cannot shift the
 * schedule.
 */
final class FixedRateLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FixedRateLoop.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final Ticker ticker;
    private final long periodNanos;
    private final Runnable task;
    private final Thread thread;
    private final long firstSlot;
    private volatile long origin;
    private final AtomicLong missed = new AtomicLong();
    private volatile boolean running = true;

    /**
     * @param name the thread's name
     * @param ticker the time source
     * @param period time between two starts
     * @param runImmediately whether the first run starts at once or one period later
     * @param task what to run; an exception is logged and the loop goes on
     */
    FixedRateLoop(String name, Ticker ticker, Duration period, boolean runImmediately, Runnable task) {
        this.ticker = ticker;
        this.periodNanos = period.toNanos();
        this.task = task;
        this.firstSlot = runImmediately ? 0 : 1;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    /** Fixes the origin of the schedule at now, then starts the loop's thread. */
    void start() {
        origin = ticker.nanoTime();
        thread.start();
    }

    /** @return slots skipped because a run overran */
    long missedRuns() {
        return missed.get();
    }

    private void loop() {
        long slot = firstSlot;
        try {
            while (running) {
                ticker.sleepUntil(origin + slot * periodNanos);
                if (!running) {
                    return;
                }
                runTask();
                long elapsedSlots = (ticker.nanoTime() - origin) / periodNanos;
                long next = slot + 1;
                if (elapsedSlots >= next) {
                    missed.addAndGet(elapsedSlots - next + 1);
                    next = elapsedSlots + 1;
                }
                slot = next;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runTask() {
        try {
            task.run();
        } catch (VirtualMachineError e) {
            throw e; // out of memory is not survived here: the thread's uncaught-exception handler decides
        } catch (RuntimeException | Error e) {
            log.error("{}: a scheduled run failed", thread.getName(), e);
        }
    }

    /** Stops the loop and waits a bounded time for a run in progress to end. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
