package io.wsmon.bench.alert;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;
import io.wsmon.api.DiskInfo;
import io.wsmon.api.MemoryInfo;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.ProcessorInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SwapInfo;
import io.wsmon.core.alert.AlertManager;
import io.wsmon.core.time.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * From a tick whose values cross a threshold to the handler's {@code handle} call, and the cost of
 * {@code evaluate} on the collection thread.
 *
 * <p>The manager runs on a {@link ManualClock} with the default 300 s cooldown; each operation moves the clock
 * past the cooldown, so every crossing raises an alert, as the first crossing of a real condition does.
 *
 * <pre>
 * java -jar monitor-bench/target/benchmarks.jar AlertLatencyBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AlertLatencyBenchmark {

    private static final long GB = 1024L * 1024 * 1024;
    private static final Duration PAST_COOLDOWN = AlertManager.DEFAULT_COOLDOWN.plusSeconds(1);
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(5);

    private ManualClock clock;
    private AlertManager withHandler;
    private AlertManager withoutHandler;
    private final AtomicLong handled = new AtomicLong();
    private final Semaphore delivered = new Semaphore(0);
    private Map<String, Object> calm;
    private Map<String, Object> crossing;
    private OffsetDateTime timestamp;

    /** A handler that only counts, so the measured time is the engine's and the hand-off's. */
    private final class CountingHandler implements AlertHandler {
        @Override
        public String name() {
            return "counting";
        }

        @Override
        public void handle(Alert alert) {
            handled.incrementAndGet();
            delivered.release();
        }
    }

    /** Starts two managers on a manual clock: one with a counting handler, one without handlers. */
    @Setup
    public void setUp() {
        clock = new ManualClock(Instant.parse("2026-01-03T09:00:00Z"), ZoneOffset.UTC);
        MonitorContext context = new MonitorContext() {
            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public Duration interval() {
                return Duration.ofMillis(500);
            }

            @Override
            public Map<String, String> settings() {
                return Map.of();
            }
        };
        withHandler = AlertManager.builder().clock(clock).handler(new CountingHandler()).build();
        withHandler.start(context);
        withoutHandler = AlertManager.builder().clock(clock).build();
        withoutHandler.start(context);
        calm = sections(55.0, 40.0);
        crossing = sections(85.5, 96.2);
        timestamp = OffsetDateTime.now(clock);
    }

    /** A realistic tick: processor, memory with swap, the disk and two disks. */
    private static Map<String, Object> sections(double memoryPercent, double dataDiskPercent) {
        DiskInfo root = new DiskInfo("/", 100 * GB, 40 * GB, 60 * GB, 40.0);
        long dataFree = (long) (100 * GB * (100 - dataDiskPercent) / 100);
        DiskInfo data = new DiskInfo("/data", 100 * GB, 100 * GB - dataFree, dataFree, dataDiskPercent);
        return Map.of(
                Snapshot.PROCESSOR, new ProcessorInfo(25.5, List.of(20.1, 30.2), 2, 2, 2495.0, 3700.0, null),
                Snapshot.MEMORY, new MemoryInfo(16 * GB, (long) (16 * GB * (1 - memoryPercent / 100)),
                        (long) (16 * GB * memoryPercent / 100), memoryPercent, new SwapInfo(2 * GB, 0, 2 * GB, 0)),
                Snapshot.DISK, root,
                Snapshot.DISKS, List.of(root, data));
    }

    /** Closes both managers. */
    @TearDown
    public void tearDown() {
        withHandler.close();
        withoutHandler.close();
    }

    /**
     * Evaluates a crossing tick, then wait (spinning) until the handler has been called: the time from the
     * collection thread seeing the crossing to the delivery thread calling {@code handle}.
     *
     * @return the handler's count
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long crossingToHandler() {
        clock.advance(PAST_COOLDOWN);
        long before = handled.get();
        withHandler.evaluate(timestamp, crossing);
        long giveUp = System.nanoTime() + GIVE_UP_NANOS;
        while (handled.get() == before) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("no handler call within 5 s");
            }
            Thread.onSpinWait();
        }
        return handled.get();
    }

    /**
     * What a tick with nothing alarming costs the collection thread.
     *
     * @return no alerts
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Alert> evaluateCalm() {
        return withoutHandler.evaluate(timestamp, calm);
    }

    /**
     * What a tick that raises two alerts (memory WARNING, /data CRITICAL) costs the collection thread.
     *
     * @return the two alerts
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Alert> evaluateCrossing() {
        clock.advance(PAST_COOLDOWN);
        return withoutHandler.evaluate(timestamp, crossing);
    }

    /**
     * {@link #evaluateCalm()} after 100 ms of idleness: a quiet tick at the real cadence.
     *
     * @param idle pauses before each call, outside the measurement
     * @return no alerts
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Measurement(iterations = 5, time = 5)
    public List<Alert> evaluateCalmAfterIdle(Idle idle) {
        return evaluateCalm();
    }

    /**
     * {@link #evaluateCrossing()} after 100 ms of idleness, to tell the cost of a cold {@code evaluate} from the
     * thread wake-ups in {@link #crossingToHandlerAfterIdle}.
     *
     * @param idle pauses before each call, outside the measurement
     * @return the two alerts
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Measurement(iterations = 5, time = 5)
    public List<Alert> evaluateCrossingAfterIdle(Idle idle) {
        return evaluateCrossing();
    }

    /**
     * The same hand-off at the service's real cadence: the delivery thread has been idle for 100 ms before each
     * crossing, as between ticks, so it must be woken up.
     */
    @State(Scope.Thread)
    public static class Idle {
        /** Sleeps 100 ms before each call. */
        @Setup(Level.Invocation)
        public void pause() {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    /**
     * The hand-off after 100 ms of idleness. The benchmark thread waits blocked rather than spinning, so that on a
     * small machine it does not take the core the woken delivery thread needs; its own wake-up is included.
     *
     * @param idle pauses before each call, outside the measurement
     * @return whether the handler was called within 5 s
     * @throws InterruptedException when interrupted
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Measurement(iterations = 5, time = 5)
    public boolean crossingToHandlerAfterIdle(Idle idle) throws InterruptedException {
        clock.advance(PAST_COOLDOWN);
        delivered.drainPermits();
        withHandler.evaluate(timestamp, crossing);
        if (!delivered.tryAcquire(GIVE_UP_NANOS, TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("no handler call within 5 s");
        }
        return true;
    }
}
