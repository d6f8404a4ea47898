package io.wsmon.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.core.testing.Await;
import io.wsmon.examples.influx.InfluxExporter;
import io.wsmon.examples.postgres.PostgresExporter;
import io.wsmon.examples.rest.CurrentSnapshotApi;
import io.wsmon.examples.servers.LocalInfluxd;
import io.wsmon.examples.servers.LocalPostgres;
import io.wsmon.examples.servers.Tools;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Each integration example's {@code main} run from the server jar with the README's command, against the
 * real thing: rows in PostgreSQL, points in influxd, an answer from the REST endpoint.
 */
class ExamplesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void postgresExporter_readmeCommand_writesRowsUntilStopped() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start();
             ServerProcess example = ServerProcess.example(PostgresExporter.class, postgres.jdbcUrl(), postgres.user(),
                     "no-password-needed", "1")) {
            assertThat(example.waitForOutput("writing a row to monitoring_snapshots every 1 s", WAIT))
                    .as("%s", example.stderr()).isTrue();
            Await.until("two rows", WAIT, meanwhileFalse(() -> rows(postgres) >= 2));
        }
    }

    @Test
    void postgresExporter_noDatabase_exitsOneSayingSo() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + Tools.freePort() + "/monitoring";
        try (ServerProcess example = ServerProcess.example(PostgresExporter.class, url, "postgres", "secret")) {
            assertThat(example.awaitExit(WAIT)).isEqualTo(1);
            assertThat(example.stdout()).noneMatch(line -> line.startsWith("writing"));
            assertThat(example.stderr()).contains("cannot write to " + url
                    + ": the exporter did not start (the reason is logged above)");
        }
    }

    @Test
    void influxExporter_readmeCommand_writesPoints() throws Exception {
        try (LocalInfluxd influxd = LocalInfluxd.start()) {
            influxd.query(null, "CREATE DATABASE monitoring");
            try (ServerProcess example = ServerProcess.example(InfluxExporter.class, influxd.writeUrl("monitoring"), "1")) {
                Await.until("points in the measurement memory", WAIT, meanwhileFalse(
                        () -> influxd.query("monitoring", "SELECT count(percentage) FROM memory").contains("\"count\"")));
            }
        }
    }

    @Test
    void currentSnapshotApi_readmeCommand_answersTheCurrentSnapshot() throws Exception {
        int port = Tools.freePort();
        try (ServerProcess example = ServerProcess.example(CurrentSnapshotApi.class, String.valueOf(port))) {
            assertThat(example.waitForOutput("GET http://localhost:" + port + "/api/monitoring/current", WAIT))
                    .as("%s", example.stderr()).isTrue();
            HttpClient client = HttpClient.newHttpClient();
            URI current = URI.create("http://127.0.0.1:" + port + CurrentSnapshotApi.PATH);
            Await.until("a snapshot", WAIT, meanwhileFalse(() -> client.send(HttpRequest.newBuilder(current).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200));
            assertThat(client.send(HttpRequest.newBuilder(current).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .startsWith("{\"type\":\"monitoring_data\",\"seq\":");
        }
    }

    /** A condition polled until it holds: an exception while the example starts up counts as not yet. */
    private static BooleanSupplier meanwhileFalse(Callable<Boolean> condition) {
        return () -> {
            try {
                return condition.call();
            } catch (Exception notYet) {
                return false;
            }
        };
    }

    private static int rows(LocalPostgres postgres) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), null);
             Statement query = connection.createStatement();
             ResultSet count = query.executeQuery("SELECT count(*) FROM " + PostgresExporter.TABLE)) {
            count.next();
            return count.getInt(1);
        }
    }
}
