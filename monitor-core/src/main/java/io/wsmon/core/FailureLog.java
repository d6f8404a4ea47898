package io.wsmon.core;

import org.slf4j.Logger;

/**
 * Logs a recurring failure once when it starts and once when it ends, instead of on every tick.
 * Thread-safe.
 */
final class FailureLog {

    private final Logger log;
    private final String subject;
    private String failingWith;

    FailureLog(Logger log, String subject) {
        this.log = log;
        this.subject = subject;
    }

    /** Records a failure; logs it when it is the first one or a different kind than the last. */
    synchronized void failed(String what, Throwable cause) {
        String kind = what + (cause == null ? "" : ": " + cause.getClass().getName());
        if (!kind.equals(failingWith)) {
            failingWith = kind;
            if (cause == null) {
                log.warn("{}: {} (logged once until it recovers)", subject, what);
            } else {
                log.warn("{}: {} (logged once until it recovers)", subject, what, cause);
            }
        }
    }

    /** Records a success; logs the recovery when it was failing. */
    synchronized void succeeded() {
        if (failingWith != null) {
            failingWith = null;
            log.info("{}: recovered", subject);
        }
    }

    synchronized boolean isFailing() {
        return failingWith != null;
    }
}
