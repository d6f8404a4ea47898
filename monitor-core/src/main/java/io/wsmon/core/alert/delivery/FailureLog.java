package io.wsmon.core.alert.delivery;

import org.slf4j.Logger;

/**
 * Logs a repeating failure without flooding the log: the first occurrence and every change of problem at
 * WARN, repeats at DEBUG only, and one INFO line when things work again.
 */
final class FailureLog {

    private final Logger log;
    private final String subject;
    private final String noun;
    private long count;
    private String lastProblem;

    /**
     * @param log where to log
     * @param subject what fails, for example {@code alert handler 'email'}
     * @param noun what is counted, for example {@code failed deliveries}
     */
    FailureLog(Logger log, String subject, String noun) {
        this.log = log;
        this.subject = subject;
        this.noun = noun;
    }

    /**
     * @param problem a short, stable description; a different text is logged again
     * @param cause the exception, or {@code null}
     */
    synchronized void failed(String problem, Throwable cause) {
        count++;
        if (problem.equals(lastProblem)) {
            log.debug("{}: {} ({} {} so far)", subject, problem, count, noun);
            return;
        }
        lastProblem = problem;
        if (cause == null) {
            log.warn("{}: {} (repeats are counted, not logged)", subject, problem);
        } else {
            log.warn("{}: {} (repeats are counted, not logged)", subject, problem, cause);
        }
    }

    /** Records a success; logs once if it ends a run of failures. */
    synchronized void succeeded() {
        if (count > 0) {
            log.info("{}: working again after {} {}", subject, count, noun);
            count = 0;
            lastProblem = null;
        }
    }

    /**
     * @param t an exception
     * @return its type and message, the key that decides whether a failure is a repeat
     */
    static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
