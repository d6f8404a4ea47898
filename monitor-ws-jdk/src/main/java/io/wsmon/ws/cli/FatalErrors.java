package io.wsmon.ws.cli;

import java.io.PrintStream;

/**
 * Ends the process at once when a thread dies of an {@link OutOfMemoryError} or another
 * {@link VirtualMachineError}: a server that has run out of memory can no longer be trusted to answer,
 * close its port or honour SIGTERM, so it exits with {@link #EXIT_CODE} for its supervisor to restart it
 * rather than linger deaf. Other uncaught exceptions are printed, as the JVM would.
 */
final class FatalErrors implements Thread.UncaughtExceptionHandler {

    /** The exit code after a fatal error; the same as {@code -XX:+ExitOnOutOfMemoryError}'s. */
    static final int EXIT_CODE = 3;

    private final PrintStream err;
    private final Runnable halt;

    FatalErrors(PrintStream err, Runnable halt) {
        this.err = err;
        this.halt = halt;
    }

    /** Makes this the handler of every thread without one of its own, halting the JVM on a fatal error. */
    static void install() {
        Thread.setDefaultUncaughtExceptionHandler(
                new FatalErrors(System.err, () -> Runtime.getRuntime().halt(EXIT_CODE)));
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        if (error instanceof VirtualMachineError) {
            try {
                err.println(Usage.COMMAND + ": " + error + " in thread " + thread.getName() + "; exiting");
                err.flush();
            } finally {
                halt.run();
            }
            return;
        }
        err.print("Exception in thread \"" + thread.getName() + "\" ");
        error.printStackTrace(err);
    }
}
