package io.wsmon.gpu.smi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a command with a hard time limit: its standard output is read on a helper thread while the
 * caller waits at most the timeout; then the process and everything it started are killed. Standard
 * error is discarded. One run at a time; {@link #close()} kills a run in progress.
 */
final class CommandRunner implements AutoCloseable {

    /** What a finished command left behind. */
    record Result(int exitCode, String output) {}

    /** The runner was closed while the command ran: whatever the kill made the run look like, this is why. */
    static final class ClosedException extends IOException {
        private static final long serialVersionUID = 1L;

        ClosedException(List<String> command) {
            super(command.get(0) + " was stopped: the monitor was closed while it ran");
        }
    }

    private static final int MAX_OUTPUT_BYTES = 1 << 20;
    private static final Duration REAP_TIMEOUT = Duration.ofSeconds(1);

    // A cached pool, not a single thread: a reader stuck on a pipe held open by an escaped grandchild
    // must not block the next run.
    private final ExecutorService outputReaders = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "wsmon-nvidia-smi-output");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Process> running = new AtomicReference<>();
    private volatile boolean closed;

    /**
     * Runs the command to its end or to the timeout.
     *
     * @param command the program and its arguments
     * @param timeout how long the command may take, output included
     * @return its exit code and standard output (UTF-8, at most 1 MiB)
     * @throws ClosedException when {@link #close()} came while it ran, however the killed command ended
     * @throws IOException when the command cannot be started or its output read
     * @throws TimeoutException when it took longer than the timeout; it has then been killed
     * @throws InterruptedException when the calling thread is interrupted; the command is then killed
     */
    Result run(List<String> command, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        running.set(process);
        Result result;
        try {
            result = await(process, command, timeout, deadline);
        } catch (IOException | TimeoutException e) {
            // A kill by close() ends the run in one of several ways (exit 137, a closed pipe, a refused reader),
            // depending on which thread gets there first; the caller always hears the same reason.
            if (closed) {
                throw new ClosedException(command);
            }
            throw e;
        } finally {
            running.set(null);
            kill(process);
        }
        if (closed) {
            throw new ClosedException(command);
        }
        return result;
    }

    private Result await(Process process, List<String> command, Duration timeout, long deadline)
            throws IOException, TimeoutException, InterruptedException {
        if (closed) {
            throw new ClosedException(command);
        }
        process.getOutputStream().close();
        Future<byte[]> output;
        try {
            output = outputReaders.submit(() -> readAtMost(process.getInputStream()));
        } catch (RejectedExecutionException e) {
            throw new ClosedException(command); // close() came between the start and the reader
        }
        try {
            if (!process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw timedOut(command, timeout);
            }
            byte[] bytes = output.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new Result(process.exitValue(), new String(bytes, StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            // Also when the command exited but something it started still holds its output open.
            throw timedOut(command, timeout);
        } catch (ExecutionException e) {
            throw new IOException("cannot read the output of " + command.get(0) + ": " + e.getCause(), e.getCause());
        }
    }

    private static byte[] readAtMost(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() + n > MAX_OUTPUT_BYTES) {
                    throw new IOException("more than " + MAX_OUTPUT_BYTES + " bytes of output");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static TimeoutException timedOut(List<String> command, Duration timeout) {
        String seconds = BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString();
        return new TimeoutException(command.get(0) + " did not finish within " + seconds + " s and was killed");
    }

    /** Kills the process and what it started, and waits briefly until it is gone. */
    private static void kill(Process process) throws InterruptedException {
        if (process.isAlive()) {
            destroyTree(process);
            process.waitFor(REAP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void destroyTree(Process process) {
        // Children first: once the parent is gone they are no longer its descendants.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Kills a run in progress and stops the helper threads. */
    @Override
    public void close() {
        closed = true;
        Process process = running.get();
        if (process != null) {
            destroyTree(process);
        }
        outputReaders.shutdownNow();
    }
}
