package io.wsmon.ws.cli;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires once on SIGTERM or SIGINT (Ctrl-C), or when {@link #fire()} is called. Catching the signals,
 * rather than relying on a shutdown hook, lets the command finish its clean stop and exit with 0.
 */
class StopSignal {

    private static final Logger log = LoggerFactory.getLogger(StopSignal.class);

    private final CountDownLatch fired = new CountDownLatch(1);

    /** A stop signal that fires only through {@link #fire()}. */
    StopSignal() {}

    /**
     * @return a stop signal that also fires on SIGTERM and SIGINT
     */
    static StopSignal onTerminationSignals() {
        StopSignal stop = new StopSignal();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop.fire());
            } catch (IllegalArgumentException | LinkageError e) {
                log.debug("cannot catch SIG{}: {}; relying on the JVM's shutdown", name, e.getMessage());
                Runtime.getRuntime().addShutdownHook(new Thread(stop::fire));
            }
        }
        return stop;
    }

    void fire() {
        fired.countDown();
    }

    void await() {
        try {
            fired.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
