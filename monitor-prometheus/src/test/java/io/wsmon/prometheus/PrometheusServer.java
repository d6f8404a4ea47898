package io.wsmon.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real {@code prometheus} server, run from Debian's package on loopback with its data in a temporary
 * directory, scraping a list of targets every second, queried through its HTTP API.
 */
final class PrometheusServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrometheusServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the server and waits until it is ready.
     *
     * @param dir a temporary directory for its configuration, data and log
     * @param targets {@code host:port} of each wsmon server
     * @param token the bearer token to send, or {@code null}
     * @return the running server
     */
    static PrometheusServer start(Path dir, List<String> targets, String token) throws Exception {
        String config = "global:\n  scrape_interval: 1s\n  scrape_timeout: 900ms\n"
                + "scrape_configs:\n  - job_name: wsmon\n"
                + (token == null ? "" : "    authorization:\n      credentials: " + token + "\n")
                + "    static_configs:\n      - targets: [" + String.join(", ", targets.stream().map(t -> "'" + t + "'").toList())
                + "]\n";
        Path file = Files.writeString(dir.resolve("prometheus.yml"), config);
        int port = freePort();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder("prometheus", "--config.file=" + file,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, port, log);
        try {
            server.waitFor("ready", () -> server.status("/-/ready") == 200);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Runs an instant query until its result satisfies the condition; returns that result. */
    JsonNode queryUntil(String query, Predicate<JsonNode> condition) {
        JsonNode[] last = {null};
        waitFor(query, () -> {
            last[0] = query(query, null);
            return last[0] != null && condition.test(last[0]);
        });
        return last[0];
    }

    /**
     * An instant query.
     *
     * @param query the PromQL expression
     * @param time the evaluation time in seconds since the epoch, or {@code null} for now
     * @return {@code data.result}, or {@code null} when the request failed
     */
    JsonNode query(String query, Double time) {
        String url = "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (time == null ? "" : "&time=" + time);
        try {
            HttpResponse<String> response = http.send(request(url), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()).path("data").path("result") : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private int status(String path) {
        try {
            return http.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build();
    }

    private void waitFor(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("prometheus exited (" + process.exitValue() + "): " + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what + "; log: " + logTail());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
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
