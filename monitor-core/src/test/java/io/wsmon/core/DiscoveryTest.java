package io.wsmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.Monitor;
import io.wsmon.api.Snapshot;
import io.wsmon.core.discovery.DiscoveredExporter;
import io.wsmon.core.discovery.DiscoveredMonitor;
import io.wsmon.core.testing.Await;
import io.wsmon.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-03T10:00:00Z"), ZoneOffset.UTC);
    private MonitoringService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.stop();
        }
    }

    private MonitoringServiceBuilder builder() {
        return MonitoringService.builder().clock(clock).ticker(clock).onlyMonitors("memory", "discovered");
    }

    private Snapshot firstTick() {
        Await.until("the first tick", () -> service.currentSnapshot().isPresent());
        return service.currentSnapshot().orElseThrow();
    }

    @Test
    void load_skipsProvidersThatCannotBeCreated_andKeepsTheOthers() {
        assertThat(Extensions.load(Monitor.class, getClass().getClassLoader()))
                .hasExactlyElementsOfTypes(DiscoveredMonitor.class);
    }

    @Test
    void discovery_findsMonitorAndExporterDeclaredInMetaInfServices() throws Exception {
        DiscoveredExporter.EXPORTED.clear();
        service = builder().setting("discovered.greeting", "hello").start();

        Snapshot first = firstTick();
        clock.awaitSleepers(2, Duration.ofSeconds(5)); // collector and exporter schedule
        clock.advance(Duration.ofMillis(500));

        assertThat(first.section("discovered", DiscoveredMonitor.Reading.class)).contains(new DiscoveredMonitor.Reading(42));
        assertThat(first.jsonText()).contains("\"discovered\":{\"answer\":42}");
        Await.until("the discovered exporter to export", () -> !DiscoveredExporter.EXPORTED.isEmpty());
        assertThat(DiscoveredExporter.greeting).isEqualTo("hello");
    }

    @Test
    void disable_byName_leavesADiscoveredExtensionOut() {
        service = builder().disable("discovered", "discovered_exporter").start();

        assertThat(firstTick().sections()).containsOnlyKeys("memory");
        assertThat(service.statistics().exporters()).doesNotContainKey("discovered_exporter");
    }

    @Test
    void discovery_off_usesOnlyWhatIsBuiltInOrAdded() {
        service = builder().discovery(false).start();

        assertThat(firstTick().sections()).containsOnlyKeys("memory");
        assertThat(service.statistics().exporters()).isEmpty();
    }
}
