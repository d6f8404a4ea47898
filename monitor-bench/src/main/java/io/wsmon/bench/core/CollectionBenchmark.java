package io.wsmon.bench.core;

import io.wsmon.api.Monitor;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitoringServiceBuilder;
import io.wsmon.core.collect.BuiltInMonitors;
import io.wsmon.core.collect.SectionBundle;
import io.wsmon.core.json.SnapshotCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * One full snapshot of the built-in monitors (processor, memory, disk, system, network, jvm) collected on
 * one thread, and one encode of it. Run: {@code java -jar monitor-bench/target/benchmarks.jar
 * CollectionBenchmark}. Tight loops flatter the cost (caches stay warm); {@link ServiceCpu} measures the
 * real cadence.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CollectionBenchmark {

    private final SnapshotCodec codec = new SnapshotCodec();
    private List<Monitor<?>> monitors;
    private Snapshot sample;
    private long seq;

    /** Starts the built-in monitors, as the service does. */
    @Setup
    public void start() throws Exception {
        monitors = BuiltInMonitors.create(List.of(Path.of("/")), name -> true);
        MonitorContext context = new MonitorContext() {
            @Override
            public Clock clock() {
                return Clock.systemDefaultZone();
            }

            @Override
            public Duration interval() {
                return MonitoringServiceBuilder.DEFAULT_INTERVAL;
            }

            @Override
            public Map<String, String> settings() {
                return Map.of();
            }
        };
        for (Monitor<?> monitor : monitors) {
            monitor.start(context);
        }
        sample = collect();
    }

    /** Closes the monitors. */
    @TearDown
    public void stop() throws Exception {
        for (Monitor<?> monitor : monitors) {
            monitor.close();
        }
    }

    /** @return one snapshot of every built-in monitor, encoded */
    @Benchmark
    public Snapshot collect() throws Exception {
        Map<String, Object> sections = new LinkedHashMap<>();
        for (Monitor<?> monitor : monitors) {
            Object value = monitor.collect();
            if (value instanceof SectionBundle bundle) {
                sections.putAll(bundle.sections());
            } else {
                sections.put(monitor.name(), value);
            }
        }
        return Snapshot.of(++seq, OffsetDateTime.now(), sections, List.of(), codec::encode);
    }

    /** @return the {@code monitoring_data} message of a full snapshot */
    @Benchmark
    public byte[] encode() {
        return codec.encode(sample);
    }
}
