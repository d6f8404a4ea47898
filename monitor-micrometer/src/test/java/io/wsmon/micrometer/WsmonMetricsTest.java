package io.wsmon.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wsmon.api.MemoryInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.testing.Await;
import io.wsmon.core.testing.FakeMonitor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WsmonMetricsTest {

    @Test
    void simpleRegistry_runningService_gaugesReadTheLatestSnapshot() {
        try (MonitoringService service = MonitoringService.builder().interval(Duration.ofMillis(100)).start();
                WsmonMetrics metrics = new WsmonMetrics(service)) {
            Await.until("a snapshot", () -> service.currentSnapshot().isPresent());
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            metrics.bindTo(registry);

            MemoryInfo memory = service.currentSnapshot().flatMap(Snapshot::memory).orElseThrow();
            Gauge total = registry.get("wsmon.node.memory.MemTotal").gauge();
            assertThat(total.value()).isEqualTo(memory.total());
            assertThat(total.getId().getBaseUnit()).isEqualTo("bytes");
            assertThat(registry.get("wsmon.cpu.usage").tag("cpu", "all").gauge().value()).isBetween(0.0, 1.0);
            assertThat(registry.get("wsmon.build.info").gauge().getId().getTag("version")).isNotBlank();
            FunctionCounter ticks = registry.get("wsmon.ticks").functionCounter();
            double first = ticks.count();
            Await.until("ticks counted as they happen", () -> ticks.count() > first);
        }
    }

    @Test
    void gaugeRead_manyTimes_collectsNothing() {
        FakeMonitor queue = new FakeMonitor("queue", () -> new Queue(4, 25.0));
        try (MonitoringService service = MonitoringService.builder().interval(Duration.ofHours(1)).discovery(false)
                .monitor(queue).start();
                WsmonMetrics metrics = new WsmonMetrics(service)) {
            Await.until("the first tick", () -> service.currentSnapshot().isPresent());
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            metrics.bindTo(registry);

            Gauge depth = registry.get("wsmon.queue.depth").gauge();
            for (int i = 0; i < 1000; i++) {
                assertThat(depth.value()).isEqualTo(4);
            }
            assertThat(registry.get("wsmon.queue.full").gauge().value()).isEqualTo(0.25);
            assertThat(queue.calls()).isEqualTo(1);
        }
    }

    @Test
    void seriesComeAndGo_withTheSnapshots_metersFollow() {
        AtomicReference<Object> reading = new AtomicReference<>(new Pools(List.of(new Pool("a", 1), new Pool("b", 2))));
        try (MonitoringService service = MonitoringService.builder().interval(Duration.ofMillis(50)).discovery(false)
                .monitor(new FakeMonitor("pools", reading::get)).start();
                WsmonMetrics metrics = new WsmonMetrics(service)) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            metrics.bindTo(registry);
            Await.until("both pools", () -> registry.find("wsmon.pools.items.size").gauges().size() == 2);

            reading.set(new Pools(List.of(new Pool("b", 3), new Pool("c", 5))));

            Await.until("pool a gone, pool c there", () -> registry.find("wsmon.pools.items.size").tag("name", "a")
                    .gauge() == null && registry.find("wsmon.pools.items.size").tag("name", "c").gauge() != null);
            assertThat(registry.get("wsmon.pools.items.size").tag("name", "c").gauge().value()).isEqualTo(5);
        }
    }

    @Test
    void prometheusRegistry_besideMicrometersOwnBinders_noClashAndWsmonNames() {
        try (MonitoringService service = MonitoringService.builder().interval(Duration.ofMillis(100)).start();
                WsmonMetrics metrics = new WsmonMetrics(service)) {
            Await.until("a snapshot", () -> service.currentSnapshot().isPresent());
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            bindMicrometersOwn(registry);
            metrics.bindTo(registry);

            String scrape = registry.scrape();

            assertThat(scrape).contains("# TYPE wsmon_node_memory_MemTotal_bytes gauge",
                    "wsmon_cpu_usage_ratio{cpu=\"all\"}", "# TYPE wsmon_ticks_total counter",
                    "# TYPE wsmon_node_network_receive_bytes_total counter",
                    "system_cpu_usage", "process_uptime_seconds", "jvm_memory_used_bytes");
            assertThat(scrape.lines().filter(l -> l.startsWith("wsmon_")).count()).isGreaterThan(20);
        }
    }

    private static void bindMicrometersOwn(MeterRegistry registry) {
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
    }

    record Queue(int depth, double fullPercent) {}

    record Pool(String name, int size) {}

    record Pools(List<Pool> items) {}
}
