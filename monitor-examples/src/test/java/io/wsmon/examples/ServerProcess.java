package io.wsmon.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The executable server jar (or an example in it) run as a process, with its output captured line by line. */
final class ServerProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("wsmon.server.jar", "target/monitoring-websocket-server.jar"));
    private static final Pattern LISTENING = Pattern.compile("listening on wss?://[^:]+:(\\d+)/");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();

    private ServerProcess(Process process) {
        this.process = process;
        pump(process.getInputStream(), out);
        pump(process.getErrorStream(), err);
    }

    /**
     * Starts the jar with arguments and extra environment variables (the test's own WSMON_ variables are
     * removed first, so every run starts from the defaults).
     */
    static ServerProcess start(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("WSMON_") || name.equals("NO_COLOR"));
        builder.environment().putAll(environment);
        return new ServerProcess(builder.start());
    }

    static ServerProcess start(String... args) throws IOException {
        return start(Map.of(), args);
    }

    /**
     * Runs an example's {@code main} from the jar, as the README does:
     * {@code java -cp monitoring-websocket-server.jar CLASS ARGS}.
     */
    static ServerProcess example(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", JAR.toString(), main.getName()));
        command.addAll(List.of(args));
        return new ServerProcess(new ProcessBuilder(command).start());
    }

    /**
     * Starts a launcher script with arguments and extra environment variables, the test's JDK first on the
     * {@code PATH} and without the test's {@code WSMON_} variables or {@code JAVA_OPTS}.
     */
    static ServerProcess launch(Path launcher, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("WSMON_") || name.equals("JAVA_OPTS"));
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator
                + builder.environment().getOrDefault("PATH", ""));
        builder.environment().putAll(environment);
        return new ServerProcess(builder.start());
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void pump(InputStream stream, List<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("<output closed: " + e + ">");
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for the line saying where it listens; returns the port. */
    int awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : err) {
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    return Integer.parseInt(listening.group(1));
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue() + ": " + err);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the server did not say where it listens within " + START_TIMEOUT + ": " + err);
    }

    /** Waits for the process to end by itself; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the server still runs after " + timeout + ": " + err);
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    /** Sends SIGTERM. (Through the handle: {@code Process.destroy()} would also close our end of the output.) */
    void terminate() {
        process.toHandle().destroy();
    }

    boolean waitForOutput(String fragment, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (out.stream().anyMatch(l -> l.contains(fragment)) || err.stream().anyMatch(l -> l.contains(fragment))) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    List<String> stdout() {
        return List.copyOf(out);
    }

    List<String> stderr() {
        return List.copyOf(err);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
