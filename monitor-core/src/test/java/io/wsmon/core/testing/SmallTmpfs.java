package io.wsmon.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real, small file system of its own (Linux tmpfs) for tests of a disk that fills up or turns read-only:
 * {@code mount -o remount,ro} stops root too, where file permissions would not. Needs root with the right
 * to mount (CAP_SYS_ADMIN); elsewhere the test is skipped, saying so.
 */
public final class SmallTmpfs implements AutoCloseable {

    private final Path mountPoint;

    private SmallTmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /**
     * Mounts a tmpfs of the given size on a new directory under {@code parent}.
     *
     * @param parent where to make the mount point
     * @param sizeBytes its size, rounded up to pages by the kernel
     * @return the mounted file system
     * @throws Exception when the mount command cannot run
     */
    public static SmallTmpfs mount(Path parent, long sizeBytes) throws Exception {
        Path mountPoint = Files.createDirectory(parent.resolve("tmpfs"));
        String failure = run("mount", "-t", "tmpfs", "-o", "size=" + sizeBytes, "tmpfs", mountPoint.toString());
        assumeTrue(failure == null, "needs root allowed to mount a tmpfs (to make a disk full or read-only): " + failure);
        return new SmallTmpfs(mountPoint);
    }

    /** @return the mount point, the root of the file system */
    public Path root() {
        return mountPoint;
    }

    /**
     * Remounts it read-only or writable again.
     *
     * @param readOnly whether writes are refused
     * @throws Exception when the remount fails
     */
    public void readOnly(boolean readOnly) throws Exception {
        String failure = run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), mountPoint.toString());
        if (failure != null) {
            throw new IOException("remount " + mountPoint + ": " + failure);
        }
    }

    /**
     * Fills every free byte with a file {@code filler}.
     *
     * @return the filler, whose deletion frees the space
     * @throws IOException when the filler cannot be made
     */
    public Path fill() throws IOException {
        Path filler = mountPoint.resolve("filler");
        byte[] block = new byte[4096];
        try (var out = Files.newOutputStream(filler)) {
            for (int i = 0; i < 1 << 20; i++) {
                out.write(block);
            }
        } catch (IOException full) {
            // no space left: what we wanted
        }
        byte[] one = new byte[1];
        try (var out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            for (int i = 0; i < 4096; i++) {
                out.write(one);
                out.flush();
            }
        } catch (IOException full) {
            // the last partial page is full too
        }
        return filler;
    }

    @Override
    public void close() throws Exception {
        run("umount", "-l", mountPoint.toString());
    }

    /** @return null when the command succeeded, else its output and exit code */
    private static String run(String... command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "timed out";
        }
        return process.exitValue() == 0 ? null : output + " (exit " + process.exitValue() + ")";
    }
}
