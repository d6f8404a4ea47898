package io.wsmon.core;

import io.wsmon.api.Monitor;
import io.wsmon.api.MonitorContext;
import io.wsmon.core.collect.InlineMonitor;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One monitor and the thread it runs on. A tick asks for a reading with {@link #begin()} and collects it
 * with {@link #await}; a reading that throws, or that is not ready by the tick's deadline, costs only
 * this monitor's section. While a call is still running, no second one is started. A monitor that
 * {@linkplain InlineMonitor runs inline} is called on the caller's thread instead, and has no thread.
 */
final class MonitorLane implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MonitorLane.class);

    private final Monitor<?> monitor;
    private final boolean inline;
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
        this.inline = monitor instanceof InlineMonitor candidate && candidate.runsInline();
        this.thread = inline ? null
                : Executors.newSingleThreadExecutor(new ThreadNaming("wsmon-monitor-" + monitor.name() + "-"));
        this.failures = new FailureLog(log, "monitor '" + monitor.name() + "'", "failed ticks");
    }

    String name() {
        return monitor.name();
    }

    Monitor<?> monitor() {
        return monitor;
    }

    boolean isInline() {
        return inline;
    }

    /** Starts the monitor on its own thread. */
    Future<?> start(MonitorContext context) {
        return run(() -> {
            monitor.start(context);
            return null;
        });
    }

    private <T> Future<T> run(Callable<T> call) {
        if (thread != null) {
            return thread.submit(call);
        }
        FutureTask<T> task = new FutureTask<>(call);
        task.run();
        return task;
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
        inFlight = run(monitor::collect);
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
            rethrowFatal(e);
            synchronized (this) {
                errors++;
                fail("collect failed", e.getCause());
            }
        }
        return null;
    }

    /**
     * Rethrows an {@link OutOfMemoryError} or another {@link VirtualMachineError} a monitor's thread died of,
     * on the calling thread, whose uncaught-exception handler decides (the server command's ends the
     * process): a future would otherwise keep it as if it were one monitor's failure.
     *
     * @param failure what a reading or a start failed with
     */
    static void rethrowFatal(ExecutionException failure) {
        if (failure.getCause() instanceof VirtualMachineError fatal) {
            throw fatal;
        }
    }

    private void fail(String what, Throwable cause) {
        lastError = cause == null ? what : what + ": " + cause;
        failures.failed(what, cause);
    }

    synchronized MonitorStatistics statistics() {
        return new MonitorStatistics(collected, errors, timeouts, skipped, failures.isFailing(), lastError);
    }

    /**
     * Closes the monitor. When a collect is still running (hung), close is called on this thread at the
     * same time, so a monitor can use it to abort the call (kill a process, close a socket).
     */
    @Override
    public void close() {
        try {
            monitor.close();
        } catch (Exception e) {
            log.warn("monitor '{}': close failed", monitor.name(), e);
        } finally {
            if (thread != null) {
                thread.shutdownNow();
            }
        }
    }
}
