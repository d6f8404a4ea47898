package io.wsmon.bench.metrics;

import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.Version;
import io.wsmon.metrics.snapshot.AgentFigures;
import io.wsmon.metrics.snapshot.SnapshotMetrics;
import io.wsmon.prometheus.PrometheusText;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The work of one scrape of {@code /metrics}, as the endpoint does it on the server's event loop, on a real
 * snapshot of this machine: mapping the snapshot to families (once per snapshot; a scrape every 15 s at a
 * 0.5 s tick always sees a new one) and writing them in the text format or OpenMetrics. Single-threaded, so
 * the time per operation is the CPU per scrape. The setup prints the body's size in each format.
 *
 * <pre>java -jar monitor-bench/target/benchmarks.jar ScrapeBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScrapeBenchmark {

    private static final String TEXT = "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    private static final String OPEN_METRICS = "application/openmetrics-text;version=1.0.0,text/plain;q=0.5";

    private MonitoringService service;
    private Snapshot snapshot;
    private final PrometheusText text = new PrometheusText();
    private final SnapshotMetrics cached = new SnapshotMetrics();
    private final AgentFigures agent = AgentFigures.of(Version.current()).withWebsocketClients(10);

    /** Starts the service with the built-in monitors and takes its second snapshot (rates filled in). */
    @Setup
    public void setUp() {
        service = MonitoringService.builder().interval(Duration.ofMillis(200)).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (service.currentSnapshot().map(s -> s.seq() < 2).orElse(true)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no second snapshot within 10 s");
            }
            Thread.onSpinWait();
        }
        snapshot = service.currentSnapshot().orElseThrow();
        service.stop();
        System.out.printf("%n/metrics body: %d bytes (text), %d bytes (OpenMetrics), %d sections%n",
                newSnapshotText().length, newSnapshotOpenMetrics().length, snapshot.sections().size());
    }

    /** Stops the service. */
    @TearDown
    public void tearDown() {
        service.close();
    }

    /**
     * A scrape that sees a new snapshot: mapping plus the text format.
     *
     * @return the body
     */
    @Benchmark
    public byte[] newSnapshotText() {
        return text.render(new SnapshotMetrics().families(snapshot, List.of(), agent), TEXT).body();
    }

    /**
     * A scrape that sees a new snapshot, asking for OpenMetrics (Prometheus' default).
     *
     * @return the body
     */
    @Benchmark
    public byte[] newSnapshotOpenMetrics() {
        return text.render(new SnapshotMetrics().families(snapshot, List.of(), agent), OPEN_METRICS).body();
    }

    /**
     * A second scrape of the same snapshot: the mapping comes from the cache, only the writing is paid.
     *
     * @return the body
     */
    @Benchmark
    public byte[] sameSnapshotText() {
        return text.render(cached.families(snapshot, List.of(), agent), TEXT).body();
    }
}
