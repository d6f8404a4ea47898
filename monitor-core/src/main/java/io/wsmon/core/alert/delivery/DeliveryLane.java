package io.wsmon.core.alert.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery thread with a bounded queue. Tasks run one at a time in submission order; a full queue drops
 * the new task (counted, logged once per episode) instead of blocking the submitter, so the collection thread
 * never waits. A task that throws is counted and logged without flooding; the lane goes on.
 *
 * <p>The thread is started on demand and ends after 30 s without work.
 */
public final class DeliveryLane {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLane.class);

    private final int capacity;
    private final ThreadPoolExecutor executor;
    private final FailureLog dropLog;
    private final FailureLog failureLog;
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile Runnable whenTerminated;

    /**
     * @param name names the thread: {@code wsmon-alert-<name>}
     * @param subject names the lane in log lines, for example {@code alert handler 'email'}
     * @param capacity how many tasks may wait; at least 1
     * @throws IllegalArgumentException when capacity is below 1
     */
    public DeliveryLane(String name, String subject, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("alert delivery queue capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.dropLog = new FailureLog(LOG, subject + " queue", "dropped alerts");
        this.failureLog = new FailureLog(LOG, subject, "failures");
        this.executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity), task -> {
            Thread thread = new Thread(task, "wsmon-alert-" + name);
            thread.setDaemon(true);
            return thread;
        }) {
            @Override
            protected void terminated() {
                Runnable action = whenTerminated;
                if (action != null) {
                    action.run();
                }
            }
        };
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Queues a task without blocking.
     *
     * @param task the work
     * @return true when queued; false when the queue is full (counted as dropped) or the lane is shut down
     */
    public boolean submit(Runnable task) {
        try {
            executor.execute(new Task(task));
        } catch (RejectedExecutionException e) {
            if (!executor.isShutdown()) {
                dropped.increment();
                dropLog.failed("full (" + capacity + " waiting): alerts are being dropped", null);
            }
            return false;
        }
        dropLog.succeeded();
        return true;
    }

    /** @return tasks refused because the queue was full */
    public long dropped() {
        return dropped.sum();
    }

    /** @return tasks that threw */
    public long failed() {
        return failed.sum();
    }

    /**
     * Stops taking tasks; queued ones still run.
     *
     * @param then run once when the last task is done (on the lane's thread, or here if it is idle); may be null
     */
    public void shutdown(Runnable then) {
        whenTerminated = then;
        executor.shutdown();
    }

    /**
     * Waits for the queued tasks to finish.
     *
     * @param deadlineNanos a {@link System#nanoTime()} reading to wait until at most
     * @return true when the lane finished in time
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitTermination(long deadlineNanos) throws InterruptedException {
        return executor.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /**
     * Interrupts the running task and discards the queued ones.
     *
     * @return the discarded tasks, as submitted
     */
    public List<Runnable> shutdownNow() {
        List<Runnable> discarded = new ArrayList<>();
        for (Runnable queued : executor.shutdownNow()) {
            discarded.add(((Task) queued).work);
        }
        return discarded;
    }

    /** Runs a submitted task, so that one that throws is counted and does not end the thread. */
    private final class Task implements Runnable {
        private final Runnable work;

        Task(Runnable work) {
            this.work = work;
        }

        @Override
        public void run() {
            try {
                work.run();
                failureLog.succeeded();
            } catch (RuntimeException e) {
                failed.increment();
                failureLog.failed(FailureLog.describe(e), e);
            }
        }
    }
}
