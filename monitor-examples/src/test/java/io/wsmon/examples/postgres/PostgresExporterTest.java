package io.wsmon.examples.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.MemoryInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SwapInfo;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.ServiceContext;
import io.wsmon.core.json.SnapshotCodec;
import io.wsmon.core.testing.Await;
import io.wsmon.core.testing.Snapshots;
import io.wsmon.examples.servers.LocalPostgres;
import io.wsmon.examples.servers.Tools;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exporter against a real PostgreSQL started for these tests. */
class PostgresExporterTest {

    private static final ServiceContext CONTEXT = new ServiceContext(Clock.systemUTC(), Duration.ofSeconds(1), Map.of());
    private static LocalPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = LocalPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void dropTable() throws SQLException {
        try (Connection connection = connect(); Statement drop = connection.createStatement()) {
            drop.execute("DROP TABLE IF EXISTS " + PostgresExporter.TABLE);
        }
    }

    @Test
    void export_fullSnapshot_writesTheSeedsRowWithTheWholeMessageAsJsonb() throws Exception {
        try (PostgresExporter exporter = exporter()) {
            exporter.start(CONTEXT);
            exporter.export(Snapshots.full(7));
        }

        try (Connection connection = connect(); Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("SELECT timestamp, cpu_usage, memory_usage, disk_usage, gpu_usage, "
                     + "data->>'type', data->>'seq', data->'data'->'system'->>'hostname', jsonb_typeof(data) "
                     + "FROM " + PostgresExporter.TABLE)) {
            assertThat(row.next()).isTrue();
            assertThat(row.getObject(1, OffsetDateTime.class).toInstant()).isEqualTo(Snapshots.TIMESTAMP.toInstant());
            assertThat(row.getDouble(2)).isEqualTo(25.5);
            assertThat(row.getDouble(3)).isEqualTo(50.0);
            assertThat(row.getDouble(4)).isEqualTo(50.0);
            assertThat(row.getDouble(5)).isEqualTo(45.0);
            assertThat(row.getString(6)).isEqualTo("monitoring_data");
            assertThat(row.getString(7)).isEqualTo("7");
            assertThat(row.getString(8)).isEqualTo("host-1");
            assertThat(row.getString(9)).isEqualTo("object");
            assertThat(row.next()).isFalse();
        }
    }

    @Test
    void export_absentSections_writesNullColumns() throws Exception {
        MemoryInfo memory = new MemoryInfo(100, 40, 60, 60.0, new SwapInfo(0, 0, 0, 0.0));
        Snapshot onlyMemory = Snapshot.of(1, Snapshots.TIMESTAMP, Map.of(Snapshot.MEMORY, memory), List.of(),
                new SnapshotCodec()::encode);
        try (PostgresExporter exporter = exporter()) {
            exporter.start(CONTEXT);
            exporter.export(onlyMemory);
        }

        try (Connection connection = connect(); Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("SELECT cpu_usage, memory_usage, disk_usage, gpu_usage FROM "
                     + PostgresExporter.TABLE)) {
            assertThat(row.next()).isTrue();
            assertThat(row.getObject(1)).isNull();
            assertThat(row.getDouble(2)).isEqualTo(60.0);
            assertThat(row.getObject(3)).isNull();
            assertThat(row.getObject(4)).isNull();
        }
    }

    @Test
    void service_withTheExporter_writesTheLatestSnapshotAtEachExportAndOnStop() throws Exception {
        long seq;
        try (MonitoringService service = MonitoringService.builder()
                .interval(Duration.ofMillis(100))
                .disable("gpu")
                .exporter(exporter())
                .exportInterval(Duration.ofHours(1))
                .start()) {
            Await.until("the first snapshot", () -> service.currentSnapshot().isPresent());
            seq = service.currentSnapshot().orElseThrow().seq();
            service.forceExport().join();
            long exported = service.currentSnapshot().orElseThrow().seq();
            Await.until("a snapshot newer than the one exported", () -> service.currentSnapshot().orElseThrow().seq() > exported);
        }

        try (Connection connection = connect(); Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT (data->>'seq')::bigint, memory_usage, "
                     + "(data->'data'->'memory'->>'percentage')::float8 FROM " + PostgresExporter.TABLE + " ORDER BY id")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isGreaterThanOrEqualTo(seq);
            assertThat(rows.getDouble(2)).isEqualTo(rows.getDouble(3));
            long first = rows.getLong(1);
            assertThat(rows.next()).as("the export on stop").isTrue();
            assertThat(rows.getLong(1)).isGreaterThan(first);
        }
    }

    @Test
    void start_noDatabaseListening_failsWithTheDriversError() throws Exception {
        PostgresExporter exporter = new PostgresExporter("jdbc:postgresql://127.0.0.1:" + Tools.freePort() + "/postgres",
                "postgres", null);

        assertThatThrownBy(() -> exporter.start(CONTEXT)).isInstanceOf(SQLException.class)
                .hasMessageContaining("Connection");
    }

    private static PostgresExporter exporter() {
        return new PostgresExporter(postgres.jdbcUrl(), postgres.user(), null);
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), null);
    }
}
