package io.wsmon.core;

import io.wsmon.api.Monitor;
import io.wsmon.api.MonitorContext;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One monitor and the thread it runs on. A tick asks for a reading with {@link #begin()} and collects it
 * with {@link #await}; a reading that throws, or that is not ready by the tick's deadline, costs only
 * this monitor's section. While a call is still running, no second one is started.
 */
final class MonitorLane implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MonitorLane.class);

    private final Monitor<?> monitor;
    private final ExecutorService thread;
    private final FailureLog failures;
    private Future<?> inFlight;
    private long collected;
    private long errors;
    private long timeouts;
    private long skipped;
    private String lastError;

    MonitorLane(Monitor<?> monitor) {
        this.monitor = monitor;
        this.thread = Executors.newSingleThreadExecutor(new ThreadNaming("wsmon-monitor-" + monitor.name() + "-"));
        this.failures = new FailureLog(log, "monitor '" + monitor.name() + "'");
    }

    String name() {
        return monitor.name();
    }

    /** Starts the monitor on its own thread. */
    Future<?> start(MonitorContext context) {
        return thread.submit(() -> {
            monitor.start(context);
            return null;
        });
    }

    /**
     * Starts a reading for this tick.
     *
     * @return the reading in progress, or {@code null} when the previous one is still running
     */
    synchronized Future<?> begin() {
        if (inFlight != null && !inFlight.isDone()) {
            skipped++;
            fail("skipped: the previous collect has not returned yet", null);
            return null;
        }
        inFlight = thread.submit(monitor::collect);
        return inFlight;
    }

    /**
     * Waits for a reading until a deadline.
     *
     * @return the section value, or {@code null} when it failed, timed out or returned nothing
     */
    Object await(Future<?> reading, long timeoutNanos) throws InterruptedException {
        try {
            Object value = reading.get(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
            synchronized (this) {
                collected++;
                failures.succeeded();
            }
            return value;
        } catch (TimeoutException e) {
            synchronized (this) {
                timeouts++;
                fail("collect did not return within the tick's deadline", null);
            }
        } catch (ExecutionException e) {
            synchronized (this) {
                errors++;
                fail("collect failed", e.getCause());
            }
        }
        return null;
    }

    private void fail(String what, Throwable cause) {
        lastError = cause == null ? what : what + ": " + cause;
        failures.failed(what, cause);
    }

    synchronized MonitorStatistics statistics() {
        return new MonitorStatistics(collected, errors, timeouts, skipped, failures.isFailing(), lastError);
    }

    /** Closes the monitor on its thread, waiting a bounded time for a call in progress. */
    @Override
    public void close() {
        Future<?> closing = thread.submit(() -> {
            monitor.close();
            return null;
        });
        try {
            closing.get(2, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            log.warn("monitor '{}': close failed", monitor.name(), e.getCause());
        } catch (TimeoutException e) {
            log.warn("monitor '{}': still busy after 2 s, abandoned", monitor.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            thread.shutdownNow();
        }
    }
}
