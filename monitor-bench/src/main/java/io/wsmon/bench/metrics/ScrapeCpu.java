package io.wsmon.bench.metrics;

import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.Version;
import io.wsmon.metrics.snapshot.AgentFigures;
import io.wsmon.metrics.snapshot.SnapshotMetrics;
import io.wsmon.prometheus.PrometheusText;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;

/**
 * The CPU time of one {@code /metrics} scrape that sees a new snapshot (mapping plus writing), measured as
 * the thread's own CPU time, so a busy machine that takes the core away does not count; and the body's
 * size. Run it with the launcher's JVM flags to see what the server pays.
 *
 * <pre>java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp monitor-bench/target/benchmarks.jar \
 *     io.wsmon.bench.metrics.ScrapeCpu [scrapes]</pre>
 */
public final class ScrapeCpu {

    private ScrapeCpu() {}

    /**
     * Measures and prints.
     *
     * @param args the number of scrapes to measure (default 20000), after as many to warm up
     * @throws InterruptedException when interrupted while waiting for the snapshot
     */
    public static void main(String[] args) throws InterruptedException {
        int scrapes = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Snapshot snapshot;
        try (MonitoringService service = MonitoringService.builder().interval(Duration.ofMillis(200)).start()) {
            while (service.currentSnapshot().map(s -> s.seq() < 2).orElse(true)) {
                Thread.sleep(10);
            }
            snapshot = service.currentSnapshot().orElseThrow();
        }
        PrometheusText text = new PrometheusText();
        AgentFigures agent = AgentFigures.of(Version.current()).withWebsocketClients(10);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String accept : new String[] {"text/plain;version=0.0.4", "application/openmetrics-text;version=1.0.0"}) {
            long bytes = 0;
            for (int i = 0; i < scrapes; i++) {
                bytes += text.render(new SnapshotMetrics().families(snapshot, List.of(), agent), accept).body().length;
            }
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < scrapes; i++) {
                bytes += text.render(new SnapshotMetrics().families(snapshot, List.of(), agent), accept).body().length;
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            System.out.printf("%s: %.1f us CPU per scrape, %d bytes, %d sections%n", accept.substring(0, accept.indexOf(';')),
                    cpu / 1e3 / scrapes, bytes / (2L * scrapes), snapshot.sections().size());
        }
    }
}
