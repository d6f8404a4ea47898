package io.wsmon.examples.custom;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.core.MonitoringService;
import io.wsmon.core.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The custom exporter found through this module's test {@code META-INF/services}, as a jar of yours would ship it. */
class CsvExporterTest {

    @Test
    void discovered_withCsvFileSetting_appendsALineForTheSnapshot(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("metrics.csv");
        try (MonitoringService service = MonitoringService.builder().interval(Duration.ofSeconds(1))
                .onlyMonitors("processor", "memory", "disk").setting("csv.file", csv.toString()).start()) {
            Await.until("a snapshot with the three sections",
                    () -> service.currentSnapshot().filter(s -> s.sections().size() == 4).isPresent()); // disk, disks

            service.forceExport().join();

            assertThat(service.statistics().exporters()).containsKey("csv");
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines).hasSize(1)
                    .allMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT[^,]+,\\d+\\.\\d,\\d+\\.\\d,\\d+\\.\\d"), "timestamp,cpu,memory,disk");
        }
    }

    @Test
    void discovered_withoutCsvFile_staysIdle() {
        try (MonitoringService service = MonitoringService.builder().interval(Duration.ofMillis(100))
                .onlyMonitors("memory").start()) {
            Await.until("a first snapshot", () -> service.currentSnapshot().isPresent());

            service.forceExport().join();

            assertThat(service.statistics().exporters().get("csv").errors()).isZero();
        }
    }
}
