package io.wsmon.ws.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Java main class run in a child JVM on this test's class path, its output collected line by line. */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = new Thread(this::collect, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code main} in a new JVM.
     *
     * @param main the class whose main to run
     * @param jvmOptions options such as {@code -Xmx256m}
     * @param args its arguments
     * @return the running child
     * @throws IOException when the JVM cannot start
     */
    public static ChildJvm start(Class<?> main, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * Waits for a line that starts with a prefix.
     *
     * @param prefix the prefix
     * @param timeout how long to wait at most
     * @return the rest of the line
     * @throws IllegalStateException when none comes in time, with the output so far
     * @throws InterruptedException when interrupted
     */
    public String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (System.nanoTime() < deadline) {
                for (String line : lines) {
                    if (line.startsWith(prefix)) {
                        return line.substring(prefix.length());
                    }
                }
                lines.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            throw new IllegalStateException("no line starting with '" + prefix + "' within " + timeout + "; output: " + lines);
        }
    }

    /**
     * Waits for the child to exit.
     *
     * @param timeout how long to wait at most
     * @return its exit code, or -1 when it still runs
     * @throws InterruptedException when interrupted
     */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** @return whether the child still runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return every line printed so far */
    public List<String> output() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private void collect() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // the child is gone
        }
    }

    /** Closes the child's input, which asks it to stop, then ends it if it has not within 10 s. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(5000);
    }
}
