package io.wsmon.bench.ws;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link BenchServer} in a child JVM, with its CPU time, resident memory and heap read from outside. */
final class ServerProcess implements AutoCloseable {

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final int port;

    /**
     * Starts the server and waits for its port.
     *
     * @param implementation {@code wsmon} or {@code java-websocket}
     * @param jvmArgs options for the child JVM, for example {@code -Xmx64m}
     * @param intervalSeconds the tick interval
     * @param payloadBytes the message size
     * @param maxClients the server's client limit
     * @throws IOException when the child cannot start or does not announce its port
     */
    ServerProcess(String implementation, List<String> jvmArgs, double intervalSeconds, int payloadBytes, int maxClients)
            throws IOException {
        this(implementation, jvmArgs, intervalSeconds, payloadBytes, maxClients, null);
    }

    /**
     * Starts the server, over TLS when given a certificate, and waits for its port.
     *
     * @param implementation {@code wsmon} or {@code java-websocket}
     * @param jvmArgs options for the child JVM, for example {@code -Xmx64m}
     * @param intervalSeconds the tick interval
     * @param payloadBytes the message size
     * @param maxClients the server's client limit
     * @param tls the server's certificate; {@code null} for plain connections
     * @throws IOException when the child cannot start or does not announce its port
     */
    ServerProcess(String implementation, List<String> jvmArgs, double intervalSeconds, int payloadBytes, int maxClients,
            BenchCertificate tls) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BenchServer.class.getName());
        command.add(implementation);
        command.add(Double.toString(intervalSeconds));
        command.add(Integer.toString(payloadBytes));
        command.add(Integer.toString(maxClients));
        if (tls != null) {
            command.add(tls.keyStore().toString());
            command.add(tls.password());
        }
        this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("ready ")) {
            process.destroyForcibly();
            throw new IOException(implementation + " server did not start: " + ready);
        }
        this.port = Integer.parseInt(ready.substring(6).trim());
    }

    /** @return the port the server listens on */
    int port() {
        return port;
    }

    /**
     * CPU time the server process has used, user and system.
     *
     * @return nanoseconds
     * @throws IOException when {@code /proc} cannot be read
     */
    long cpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
    }

    /**
     * Resident memory of the server process.
     *
     * @return bytes
     * @throws IOException when {@code /proc} cannot be read
     */
    long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/" + process.pid() + "/status");
    }

    /**
     * Heap in use after a full collection in the server.
     *
     * @return bytes
     * @throws IOException when the server does not answer within 60 s
     * @throws InterruptedException when interrupted while waiting
     */
    long heapAfterGc() throws IOException, InterruptedException {
        return ask("heap");
    }

    /**
     * Connections the server has open, as it counts them.
     *
     * @return the count
     * @throws IOException when the server does not answer within 60 s
     * @throws InterruptedException when interrupted while waiting
     */
    int connections() throws IOException, InterruptedException {
        return (int) ask("connections");
    }

    /** Sends a command and reads the number in its answer, {@code <command> <number>}. */
    private long ask(String command) throws IOException, InterruptedException {
        in.println(command);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!out.ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("server did not answer " + command + " within 60 s (out of memory?)");
            }
            Thread.sleep(10);
        }
        String line = out.readLine();
        if (line == null || !line.startsWith(command + " ")) {
            throw new IOException("unexpected answer to " + command + ": " + line);
        }
        return Long.parseLong(line.substring(command.length() + 1).trim());
    }

    @Override
    public void close() throws InterruptedException {
        in.println("stop");
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
