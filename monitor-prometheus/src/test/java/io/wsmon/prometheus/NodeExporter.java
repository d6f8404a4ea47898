package io.wsmon.prometheus;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The real node_exporter, run from Debian's package on a loopback port, to compare wsmon's output with. */
final class NodeExporter implements AutoCloseable {

    /** The executable's name in Debian's {@code prometheus-node-exporter} package. */
    static final String COMMAND = "prometheus-node-exporter";

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Process process;
    private final URI metrics;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private NodeExporter(Process process, int port, Path log) {
        this.process = process;
        this.metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
        this.log = log;
    }

    /**
     * Starts node_exporter with its default collectors.
     *
     * @param dir a temporary directory for its log
     * @return the running exporter
     */
    static NodeExporter start(Path dir) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = dir.resolve("node_exporter.log");
        Process process = new ProcessBuilder(COMMAND, "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new NodeExporter(process, port, log);
    }

    /**
     * Scrapes it, waiting for it to listen.
     *
     * @return the body, in the text format
     */
    String scrape() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics)
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("node_exporter did not answer on " + metrics + " within " + WAIT
                        + "; log: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
