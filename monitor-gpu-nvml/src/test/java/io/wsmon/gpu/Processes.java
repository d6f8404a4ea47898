package io.wsmon.gpu;

import io.wsmon.core.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The processes stand-in scripts start, found by the process ids they write to files. */
final class Processes {

    private Processes() {}

    /** Waits until a script has written its process id to a file, and reads it. */
    static long awaitPidIn(Path file) throws IOException, InterruptedException {
        Await.until("a process id in " + file, () -> hasText(file));
        return Long.parseLong(Files.readString(file).trim());
    }

    /** Waits until the process has ended; a zombie waiting to be reaped counts as ended. */
    static void awaitGone(long pid) throws InterruptedException {
        Await.until("process " + pid + " to end after it was killed", () -> !running(pid));
    }

    private static boolean hasText(Path file) {
        try {
            return !Files.readString(file).isBlank();
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean running(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            char state = text.charAt(text.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            // No /proc: ask the JDK, which counts an unreaped zombie as alive.
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }
}
