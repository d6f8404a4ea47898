package io.wsmon.core;

import org.slf4j.Logger;

/**
 * Logs a recurring failure without flooding the log: the first occurrence, and each change of problem,
 * at WARN; repeats at DEBUG only, counted; one INFO line when things work again. Thread-safe. Every
 * part of the service that fails per tick or per delivery (monitors, exporters, listeners, alert
 * handlers) logs through one of these.
 */
public final class FailureLog {

    private final Logger log;
    private final String subject;
    private final String noun;
    private long count;
    private String lastProblem;

    /**
     * @param log where to log
     * @param subject what fails, for example {@code monitor 'gpu'}
     * @param noun what is counted, for example {@code failed deliveries}
     */
    public FailureLog(Logger log, String subject, String noun) {
        this.log = log;
        this.subject = subject;
        this.noun = noun;
    }

    /**
     * Records a failure; logs it at WARN when it is the first, or a different problem than the last.
     *
     * @param problem a short, stable description; a different text, or a cause of another type, is logged again
     * @param cause the exception, or {@code null}
     */
    public synchronized void failed(String problem, Throwable cause) {
        count++;
        String key = cause == null ? problem : problem + " " + cause.getClass().getName();
        if (key.equals(lastProblem)) {
            log.debug("{}: {} ({} {} so far)", subject, problem, count, noun);
            return;
        }
        lastProblem = key;
        if (cause == null) {
            log.warn("{}: {} (repeats are counted, not logged)", subject, problem);
        } else {
            log.warn("{}: {} (repeats are counted, not logged)", subject, problem, cause);
        }
    }

    /** Records a success; logs once when it ends a run of failures. */
    public synchronized void succeeded() {
        if (count > 0) {
            log.info("{}: working again after {} {}", subject, count, noun);
            count = 0;
            lastProblem = null;
        }
    }

    /**
     * @return whether the latest outcome was a failure
     */
    public synchronized boolean isFailing() {
        return count > 0;
    }

    /**
     * @param t an exception
     * @return its type and message, for a problem description
     */
    public static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
