package io.wsmon.examples.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.core.MonitoringService;
import io.wsmon.core.testing.Await;
import io.wsmon.core.testing.Snapshots;
import io.wsmon.examples.servers.LocalInfluxd;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exporter against a real influxd started for these tests, read back with InfluxQL. */
class InfluxExporterTest {

    private static LocalInfluxd influxd;

    @BeforeAll
    static void startInfluxd() throws Exception {
        influxd = LocalInfluxd.start();
    }

    @AfterAll
    static void stopInfluxd() throws Exception {
        if (influxd != null) {
            influxd.close();
        }
    }

    @Test
    void export_fullSnapshot_pointsReadBackWithTheirTagsAndTime() throws Exception {
        influxd.query(null, "CREATE DATABASE fixture");

        new InfluxExporter(influxd.writeUrl("fixture"), null).export(Snapshots.full(1));

        long millis = Snapshots.TIMESTAMP.toInstant().toEpochMilli();
        assertThat(influxd.query("fixture", "SELECT usage_percent, frequency_current FROM cpu"))
                .contains("[" + millis + ",25.5,2495]");
        assertThat(influxd.query("fixture", "SELECT percentage, used FROM memory WHERE host = 'host-1'"))
                .contains("[" + millis + ",50,8589934592]");
        assertThat(influxd.query("fixture", "SELECT percentage FROM disk WHERE path = '/data'"))
                .contains("[" + millis + ",90]");
        assertThat(influxd.query("fixture", "SELECT temperature FROM gpu WHERE gpu = '0'"))
                .contains("[" + millis + ",65]");
    }

    @Test
    void export_unknownDatabase_failsWithInfluxdsAnswer() {
        InfluxExporter exporter = new InfluxExporter(influxd.writeUrl("nowhere"), null);

        assertThatThrownBy(() -> exporter.export(Snapshots.full(1))).isInstanceOf(IOException.class)
                .hasMessageContaining("404").hasMessageContaining("database not found");
    }

    @Test
    void service_withTheExporter_writesLiveSnapshots() throws Exception {
        influxd.query(null, "CREATE DATABASE live");
        try (MonitoringService service = MonitoringService.builder()
                .interval(Duration.ofMillis(100))
                .disable("gpu")
                .exporter(new InfluxExporter(influxd.writeUrl("live"), null))
                .exportInterval(Duration.ofHours(1))
                .start()) {
            Await.until("the first snapshot", () -> service.currentSnapshot().isPresent());
            service.forceExport().join();
            assertThat(service.statistics().exporters().get("influxdb").errors()).isZero();
        }

        assertThat(influxd.query("live", "SELECT count(percentage) FROM memory")).contains("\"count\"");
    }

    @Test
    void constructor_notHttp_namesTheOption() {
        assertThatThrownBy(() -> new InfluxExporter("ftp://example.com/write", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("writeUrl: must be an http or https URL, got ftp://example.com/write");
    }
}
