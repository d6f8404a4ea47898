package io.wsmon.ws.tls;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

/**
 * The threads that run the TLS handshakes' delegated tasks and the certificate checks. A scheduled pool
 * keeps whatever a task throws in the task's future, where nobody looks; here an {@link OutOfMemoryError}
 * or another {@link VirtualMachineError} is thrown on from the thread instead, so that its
 * uncaught-exception handler decides (the server command's ends the process) as for any other thread.
 */
final class TlsThreads extends ScheduledThreadPoolExecutor {

    /**
     * @param size the threads kept
     * @param factory makes them
     */
    TlsThreads(int size, ThreadFactory factory) {
        super(size, factory);
    }

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
        super.afterExecute(task, thrown);
        if (thrown == null && task instanceof Future<?> future && future.isDone() && !future.isCancelled()) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof VirtualMachineError fatal) {
                    throw fatal;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the future is done: get() does not wait
            }
        }
    }
}
