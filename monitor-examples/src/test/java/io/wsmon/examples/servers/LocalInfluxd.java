package io.wsmon.examples.servers;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real InfluxDB 1.x ({@code influxd}, Debian package {@code influxdb}) with its data in a temporary
 * directory, HTTP on a free loopback port. Where it cannot start, the test is skipped saying why.
 */
public final class LocalInfluxd implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path directory;
    private final int port;
    private Process process;

    private LocalInfluxd(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /**
     * Starts influxd; returns once it answers {@code /ping}.
     *
     * @return the running server
     * @throws Exception when it cannot be run
     */
    public static LocalInfluxd start() throws Exception {
        Path influxd = Tools.onPath("influxd");
        assumeTrue(influxd != null, "influxd is not on the PATH (Debian package influxdb, installed by .ci/run)");
        LocalInfluxd server = new LocalInfluxd(Files.createTempDirectory("wsmon-influxd"), Tools.freePort());
        try {
            server.run(influxd);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void run(Path influxd) throws Exception {
        Path config = directory.resolve("influxdb.conf");
        Files.writeString(config, String.join("\n",
                "# Debian names the key reporting-enabled, upstream reporting-disabled",
                "reporting-enabled = false",
                "reporting-disabled = true",
                "bind-address = \"127.0.0.1:" + Tools.freePort() + "\"",
                "[meta]",
                "  dir = \"" + directory.resolve("meta") + "\"",
                "[data]",
                "  dir = \"" + directory.resolve("data") + "\"",
                "  wal-dir = \"" + directory.resolve("wal") + "\"",
                "  query-log-enabled = false",
                "[monitor]",
                "  store-enabled = false",
                "[http]",
                "  bind-address = \"127.0.0.1:" + port + "\"",
                "  log-enabled = false",
                ""));
        process = new ProcessBuilder(influxd.toString(), "run", "-config", config.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("influxd.log").toFile()).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!pings()) {
            assumeTrue(process.isAlive(), () -> "influxd exited at start: " + log());
            assumeTrue(System.nanoTime() < deadline, () -> "influxd did not answer /ping within " + START_TIMEOUT
                    + ": " + log());
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
    }

    private boolean pings() throws InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(uri("/ping")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
        } catch (IOException notYet) {
            return false;
        }
    }

    private String log() {
        try {
            return Files.readString(directory.resolve("influxd.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /**
     * @param database a database name
     * @return the 1.x write URL for it, without precision
     */
    public String writeUrl(String database) {
        return uri("/write?db=" + database).toString();
    }

    /**
     * Runs an InfluxQL statement, times in epoch milliseconds.
     *
     * @param database the database, or null for statements such as {@code CREATE DATABASE}
     * @param statement the statement
     * @return the JSON answer
     * @throws IOException when the server answers other than 200
     * @throws InterruptedException when interrupted while waiting
     */
    public String query(String database, String statement) throws IOException, InterruptedException {
        String query = "/query?epoch=ms&q=" + URLEncoder.encode(statement, StandardCharsets.UTF_8)
                + (database == null ? "" : "&db=" + URLEncoder.encode(database, StandardCharsets.UTF_8));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(query))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(statement + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** Stops influxd and deletes its directory. */
    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        Tools.deleteTree(directory);
    }
}
