package io.wsmon.core.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.JvmInfo;
import io.wsmon.core.ServiceContext;
import io.wsmon.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JvmMonitorTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-03T10:00:00Z"), ZoneOffset.UTC);
    private final ProcessProbe probe = new ProcessProbe();
    private final JvmMonitor monitor = new JvmMonitor(probe);

    @Test
    void cpuPercent_secondReading_isProcessorTimeOverTimePassed() throws Exception {
        monitor.start(new ServiceContext(clock, Duration.ofMillis(500), Map.of()));
        probe.cpuNanos = OptionalLong.of(5_000_000_000L);
        JvmInfo first = monitor.collect();
        clock.advance(Duration.ofMillis(500));
        probe.cpuNanos = OptionalLong.of(5_750_000_000L); // 750 ms of processor time in 500 ms: 1.5 processors

        assertThat(first.cpuPercent()).isNull();
        assertThat(monitor.collect().cpuPercent()).isEqualTo(150.0);
    }

    @Test
    void cpuPercent_platformDoesNotTell_isAbsentNotZero() throws Exception {
        monitor.start(new ServiceContext(clock, Duration.ofMillis(500), Map.of()));
        probe.cpuNanos = OptionalLong.empty();
        monitor.collect();
        clock.advance(Duration.ofMillis(500));

        assertThat(monitor.collect().cpuPercent()).isNull();
    }

    @Test
    void descriptorsAndTcpConnections_countedEveryFiveSeconds_andUnknownWhereThePlatformDoesNotTell()
            throws Exception {
        monitor.start(new ServiceContext(clock, Duration.ofMillis(500), Map.of()));
        probe.tcp = OptionalInt.of(3);
        probe.openFiles = OptionalLong.of(42);
        JvmInfo first = monitor.collect();
        assertThat(first.tcpConnections()).isEqualTo(3);
        assertThat(first.openFileDescriptors()).isEqualTo(42);

        probe.tcp = OptionalInt.empty();
        probe.openFiles = OptionalLong.empty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(monitor.collect().tcpConnections()).as("the last count, 1 s old").isEqualTo(3);
        clock.advance(Duration.ofSeconds(4));
        JvmInfo recounted = monitor.collect();
        assertThat(recounted.tcpConnections()).as("recounted after 5 s, unknown now").isNull();
        assertThat(recounted.openFileDescriptors()).as("unknown now").isEqualTo(-1);
    }

    @Test
    void trend_windowAboveTheLeakWindow_isRejectedNamingBoth() {
        monitor.start(new ServiceContext(clock, Duration.ofMillis(500), Map.of(JvmSettings.LEAK_WINDOW, "600")));

        assertThatThrownBy(() -> monitor.trend(Duration.ofMinutes(20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window: must be above 0 and at most the leak window 10m (jvm.leak_window), got 20m");
        assertThatThrownBy(() -> monitor.trend(Duration.ZERO)).hasMessageStartingWith("window: must be above 0");
    }

    @Test
    void trend_beforeStart_isAnError() {
        assertThatThrownBy(() -> monitor.trend(Duration.ofMinutes(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not started");
    }

    @Test
    void trend_afterReadings_givesTheLiveHeapsAverage() throws Exception {
        monitor.start(new ServiceContext(clock, Duration.ofMillis(500), Map.of(JvmSettings.LEAK_WINDOW, "120")));
        assertThat(monitor.trend(Duration.ofMinutes(2))).as("no samples yet").isEmpty();
        for (int second = 0; second <= 10; second++) { // one sample a second with a window of 120 s
            monitor.collect();
            clock.advance(Duration.ofSeconds(1));
        }

        HeapTrend trend = monitor.trend(Duration.ofMinutes(2)).orElseThrow();

        assertThat(trend.samples()).isEqualTo(11);
        assertThat(trend.window()).isEqualTo(Duration.ofMinutes(2));
        assertThat(trend.averageBytes()).isPositive();
        assertThat(Double.isFinite(trend.growthBytesPerHour())).isTrue();
    }

    /** A probe that knows the process's resident size, processor time and TCP connections. */
    private static final class ProcessProbe extends UnreadableProbe {
        OptionalLong cpuNanos = OptionalLong.empty();
        OptionalInt tcp = OptionalInt.empty();
        OptionalLong openFiles = OptionalLong.empty();

        @Override
        public long processResidentBytes() {
            return 100L << 20;
        }

        @Override
        public OptionalLong processCpuNanos() {
            return cpuNanos;
        }

        @Override
        public OptionalInt processTcpConnections() {
            return tcp;
        }

        @Override
        public OptionalLong processOpenFiles() {
            return openFiles;
        }
    }
}
