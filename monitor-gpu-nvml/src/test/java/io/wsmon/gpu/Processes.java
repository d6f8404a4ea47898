package io.wsmon.gpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Waiting on processes that stand-in scripts start, by process id, with deadlines. */
final class Processes {

    private static final long POLL_MILLIS = 10;

    private Processes() {}

    /** Reads a process id a script wrote. */
    static long pidIn(Path file) throws IOException {
        return Long.parseLong(Files.readString(file).trim());
    }

    /** Waits until a script has written its process id, and reads it. */
    static long awaitPidIn(Path file, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                String text = Files.readString(file).trim();
                if (!text.isEmpty()) {
                    return Long.parseLong(text);
                }
            } catch (NoSuchFileException e) {
                // not written yet
            }
            pause(deadline, "no process id in " + file + " after " + timeout);
        }
    }

    /** Waits until the process has ended (a zombie waiting to be reaped counts as ended). */
    static void awaitGone(long pid, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running(pid)) {
            pause(deadline, "process " + pid + " still running " + timeout + " after it should have been killed");
        }
    }

    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        try {
            String text = Files.readString(stat);
            char state = text.charAt(text.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static void pause(long deadline, String failure) throws Exception {
        if (System.nanoTime() > deadline) {
            throw new TimeoutException(failure);
        }
        Thread.sleep(POLL_MILLIS);
    }
}
