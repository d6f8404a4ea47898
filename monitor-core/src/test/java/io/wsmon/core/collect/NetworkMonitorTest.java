package io.wsmon.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.MonitorContext;
import io.wsmon.core.ServiceContext;
import io.wsmon.api.NetworkInfo;
import io.wsmon.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkMonitorTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-03T10:00:00Z"), ZoneOffset.UTC);
    private List<InterfaceCounters> counters;
    private final NetworkMonitor monitor = new NetworkMonitor(new CountersOnly());

    @Test
    void collect_secondTick_givesBytesPerSecondPerInterfaceAndInTotal() throws Exception {
        monitor.start(context());
        counters = List.of(new InterfaceCounters("eth0", 1000, 5000), new InterfaceCounters("wlan0", 0, 0));
        NetworkInfo first = monitor.collect();
        clock.advance(Duration.ofMillis(500));
        counters = List.of(new InterfaceCounters("eth0", 2000, 9000), new InterfaceCounters("wlan0", 50, 100));
        NetworkInfo second = monitor.collect();

        assertThat(first.bytesSentPerSec()).isZero();
        assertThat(second.interfaces().get(0).bytesSentPerSec()).isEqualTo(2000.0);
        assertThat(second.interfaces().get(0).bytesRecvPerSec()).isEqualTo(8000.0);
        assertThat(second.bytesSentPerSec()).isEqualTo(2100.0);
        assertThat(second.bytesRecvPerSec()).isEqualTo(8200.0);
        assertThat(second.bytesSent()).isEqualTo(2050);
        assertThat(second.bytesRecv()).isEqualTo(9100);
    }

    @Test
    void collect_counterReset_givesZeroNotNegative() throws Exception {
        monitor.start(context());
        counters = List.of(new InterfaceCounters("eth0", 1000, 1000));
        monitor.collect();
        clock.advance(Duration.ofSeconds(1));
        counters = List.of(new InterfaceCounters("eth0", 10, 10));

        assertThat(monitor.collect().bytesSentPerSec()).isZero();
    }

    @Test
    void collect_newInterface_startsAtZeroRate() throws Exception {
        monitor.start(context());
        counters = List.of(new InterfaceCounters("eth0", 0, 0));
        monitor.collect();
        clock.advance(Duration.ofSeconds(1));
        counters = List.of(new InterfaceCounters("eth0", 100, 100), new InterfaceCounters("tun0", 99999, 99999));

        assertThat(monitor.collect().bytesSentPerSec()).isEqualTo(100.0);
    }

    private MonitorContext context() {
        return new ServiceContext(clock, Duration.ofMillis(500), Map.of());
    }

    /** A probe that only knows network counters. */
    private final class CountersOnly extends UnreadableProbe {
        @Override
        public List<InterfaceCounters> networkCounters() {
            return counters;
        }
    }
}
