package io.wsmon.bench.ws;

import io.wsmon.bench.proc.ProcStat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A {@link BenchServer} in a child JVM, with its CPU time, resident memory and heap read from outside. */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final int port;

    /**
     * Starts the server and waits for its port.
     *
     * @param implementation {@code wsmon}, {@code java-websocket} or {@code netty}
     * @param jvmArgs options for the child JVM, for example {@code -Xmx64m}
     * @param intervalSeconds the tick interval
     * @param payloadBytes the message size
     * @param maxClients the server's client limit
     * @throws IOException when the child cannot start or does not announce its port
     */
    ServerProcess(String implementation, List<String> jvmArgs, double intervalSeconds, int payloadBytes, int maxClients)
            throws IOException {
        this(implementation, jvmArgs, intervalSeconds, payloadBytes, maxClients, 0, null);
    }

    /**
     * Starts the server with a full history and waits for its port.
     *
     * @param implementation {@code wsmon} or {@code java-websocket}
     * @param jvmArgs options for the child JVM, for example {@code -Xmx64m}
     * @param intervalSeconds the tick interval
     * @param payloadBytes the message size
     * @param maxClients the server's client limit
     * @param history snapshots published before the first tick and kept for {@code get_history}; 0 for the default
     * @throws IOException when the child cannot start or does not announce its port
     */
    ServerProcess(String implementation, List<String> jvmArgs, double intervalSeconds, int payloadBytes, int maxClients,
            int history) throws IOException {
        this(implementation, jvmArgs, intervalSeconds, payloadBytes, maxClients, history, null);
    }

    /**
     * Starts the server over TLS and waits for its port.
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
        this(implementation, jvmArgs, intervalSeconds, payloadBytes, maxClients, 0, tls);
    }

    /**
     * Starts the server, with a history and over TLS when given a certificate, and waits for its port.
     *
     * @param implementation {@code wsmon} or {@code java-websocket}
     * @param jvmArgs options for the child JVM, for example {@code -Xmx64m}
     * @param intervalSeconds the tick interval
     * @param payloadBytes the message size
     * @param maxClients the server's client limit
     * @param history snapshots published before the first tick and kept for {@code get_history}; 0 for the default
     * @param tls the server's certificate; {@code null} for plain connections
     * @throws IOException when the child cannot start or does not announce its port
     */
    private ServerProcess(String implementation, List<String> jvmArgs, double intervalSeconds, int payloadBytes,
            int maxClients, int history, BenchCertificate tls) throws IOException {
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
        command.add(Integer.toString(history));
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
        return ProcStat.cpuNanos(process.pid());
    }

    /**
     * CPU time the server's WebSocket event loop thread has used, user and system.
     *
     * @return nanoseconds, 0 when the server has no such thread (the peer server)
     * @throws IOException when {@code /proc} cannot be read
     */
    long loopCpuNanos() throws IOException {
        return ProcStat.threadCpuNanos(process.pid()).entrySet().stream()
                .filter(thread -> thread.getKey().startsWith("wsmon-ws-loop"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** @return whether the server process still runs */
    boolean isAlive() {
        return process.isAlive();
    }

    /** @return the server process's exit code, or -1 while it runs */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /**
     * Resident memory of the server process.
     *
     * @return bytes
     * @throws IOException when {@code /proc} cannot be read
     */
    long rssBytes() throws IOException {
        return ProcStat.rssBytes(process.pid());
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
