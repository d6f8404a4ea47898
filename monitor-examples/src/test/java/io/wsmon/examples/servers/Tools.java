package io.wsmon.examples.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What starting a real server for a test needs: a free loopback port, a command run to its end, cleanup. */
public final class Tools {

    private Tools() {}

    /** The result of a command: its exit code and its output, stdout and stderr together. */
    public record Result(int exitCode, String output) {}

    /**
     * @return a loopback port nothing listens on right now
     * @throws IOException when no socket can be bound
     */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Runs a command to its end, killed after the timeout.
     *
     * @param timeoutSeconds how long it may run
     * @param command the command and its arguments
     * @return its exit code (-1 when killed) and output
     * @throws IOException when it cannot be started
     * @throws InterruptedException when interrupted while waiting
     */
    public static Result run(long timeoutSeconds, List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("wsmon-command", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            return new Result(ended ? process.exitValue() : -1, Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * Deletes a directory and everything in it.
     *
     * @param directory the directory; nothing happens when it does not exist
     */
    public static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name a program name
     * @return its path on the PATH, or null when it is not there
     */
    public static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
