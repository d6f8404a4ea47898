package io.wsmon.ws.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real client process until its output shows a marker, then stops it and its children. */
public final class ProcessOutput {

    private ProcessOutput() {}

    /**
     * Starts the command, collects its output lines (standard error merged in) until one holds the
     * marker or the timeout passes, then stops the process tree.
     *
     * @param command the command line
     * @param marker the text to wait for
     * @param timeout how long to wait at most
     * @return every line printed until then
     * @throws IOException when the process cannot start
     * @throws InterruptedException when interrupted while waiting
     */
    public static List<String> runUntil(List<String> command, String marker, Duration timeout)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process was stopped
            }
        });
        reader.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            synchronized (lines) {
                while (lines.stream().noneMatch(l -> l.contains(marker)) && System.nanoTime() < deadline) {
                    lines.wait(100);
                }
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            reader.join(5000);
        }
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /**
     * Whether a command runs and exits 0 within 10 s.
     *
     * @param command the command line
     * @return true when it succeeded
     */
    public static boolean succeeds(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
