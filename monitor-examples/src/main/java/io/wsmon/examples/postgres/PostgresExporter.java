package io.wsmon.examples.postgres;

import io.wsmon.api.Exporter;
import io.wsmon.api.GpuDevice;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitoringService;
import io.wsmon.examples.CtrlC;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Writes each exported snapshot as one row of the table {@value #TABLE}, the seed's layout: the time,
 * CPU, memory, disk (the first path) and GPU (the first GPU) usage in percent, and the whole
 * {@code monitoring_data} message as {@code jsonb}. The table is created when missing.
 *
 * <p>One connection is kept open; when an export fails it is closed and the next export opens a new one,
 * so a database restart costs the exports made while it was down, not the exporter.
 *
 * <pre>java -cp monitor-examples/target/monitoring-websocket-server.jar io.wsmon.examples.postgres.PostgresExporter \
 *     jdbc:postgresql://localhost:5432/monitoring USER PASSWORD [SECONDS]</pre>
 */
public final class PostgresExporter implements Exporter {

    /** The table written to. */
    public static final String TABLE = "monitoring_snapshots";

    private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
            + "id BIGSERIAL PRIMARY KEY, "
            + "timestamp TIMESTAMPTZ NOT NULL, "
            + "cpu_usage DOUBLE PRECISION, "
            + "memory_usage DOUBLE PRECISION, "
            + "disk_usage DOUBLE PRECISION, "
            + "gpu_usage DOUBLE PRECISION, "
            + "data JSONB NOT NULL)";
    private static final String INSERT = "INSERT INTO " + TABLE
            + " (timestamp, cpu_usage, memory_usage, disk_usage, gpu_usage, data) VALUES (?, ?, ?, ?, ?, ?::jsonb)";

    private final String url;
    private final Properties credentials = new Properties();
    private Connection connection;

    /**
     * @param url the JDBC URL, e.g. {@code jdbc:postgresql://localhost:5432/monitoring}
     * @param user the database user
     * @param password the user's password, or null when the server does not ask for one
     */
    public PostgresExporter(String url, String user, String password) {
        this.url = Objects.requireNonNull(url, "url");
        credentials.setProperty("user", Objects.requireNonNull(user, "user"));
        if (password != null) {
            credentials.setProperty("password", password);
        }
    }

    @Override
    public String name() {
        return "postgres";
    }

    /** Connects and creates the table when missing; a database that cannot be reached fails the start. */
    @Override
    public void start(MonitorContext context) throws SQLException {
        try (Statement create = connection().createStatement()) {
            create.execute(CREATE);
        }
    }

    @Override
    public void export(Snapshot snapshot) throws SQLException {
        try (PreparedStatement insert = connection().prepareStatement(INSERT)) {
            insert.setObject(1, snapshot.timestamp());
            setPercent(insert, 2, snapshot.processor().map(p -> p.usagePercent()));
            setPercent(insert, 3, snapshot.memory().map(m -> m.percentage()));
            setPercent(insert, 4, snapshot.disk().map(d -> d.percentage()));
            setPercent(insert, 5, snapshot.gpu().flatMap(g -> g.gpus().stream().findFirst())
                    .map(GpuDevice::gpuUsagePercent));
            insert.setString(6, snapshot.jsonText());
            insert.executeUpdate();
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        Connection open = connection;
        connection = null;
        if (open != null) {
            open.close();
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = DriverManager.getConnection(url, credentials);
        }
        return connection;
    }

    private static void setPercent(PreparedStatement statement, int index, Optional<Double> value)
            throws SQLException {
        if (value.isPresent()) {
            statement.setDouble(index, value.get());
        } else {
            statement.setNull(index, Types.DOUBLE);
        }
    }

    /**
     * Monitors this machine and writes a row every few seconds until Ctrl-C. Exits 1 when the database
     * cannot be reached at the start (the service has logged the driver's reason).
     *
     * @param args the JDBC URL, the user, the password, optionally the seconds between rows (default 10)
     * @throws InterruptedException when interrupted while waiting for Ctrl-C
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: PostgresExporter JDBC_URL USER PASSWORD [SECONDS]");
            System.exit(2);
        }
        Duration every = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 10);
        PostgresExporter exporter = new PostgresExporter(args[0], args[1], args[2]);
        MonitoringService service = MonitoringService.builder()
                .exporter(exporter)
                .exportInterval(every)
                .start();
        if (!service.statistics().exporters().containsKey(exporter.name())) {
            service.close();
            System.err.println("cannot write to " + args[0] + ": the exporter did not start (the reason is logged above)");
            System.exit(1);
        }
        System.out.println("writing a row to " + TABLE + " every " + every.toSeconds() + " s; Ctrl-C stops");
        CtrlC.awaitThenClose(service);
    }
}
