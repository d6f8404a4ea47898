package io.wsmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.Snapshot;
import io.wsmon.core.testing.FakeMonitor;
import io.wsmon.core.testing.LogCapture;
import io.wsmon.core.testing.ManualTicks;
import io.wsmon.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A monitor that throws at every tick, and one that hangs: the other sections come at every tick, on the
 * tick's time, and the failure is counted at every tick but logged once.
 */
class MonitorFaultsTest {

    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final int TICKS = 5;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-03T10:00:00Z"), ZoneOffset.ofHours(1));
    private final CountDownLatch release = new CountDownLatch(1);
    private MonitoringService service;

    @AfterEach
    void stop() {
        release.countDown();
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void monitorThrowsEveryTick_othersOnTime_countedEveryTickLoggedOnce() {
        try (LogCapture log = LogCapture.start()) {
            List<Snapshot> snapshots = run(new FakeMonitor("broken", () -> {
                throw new IllegalStateException("sensor gone");
            }));

            assertOnTimeWithMemoryOnly(snapshots, "broken");
            assertThat(service.statistics().monitors().get("broken").errors()).isEqualTo(TICKS);
            assertThat(log.lines("WARN", "monitor 'broken'")).hasSize(1);
        }
    }

    @Test
    void monitorHangs_othersOnTime_timeoutAndSkipsCountedEachLoggedOnce() {
        try (LogCapture log = LogCapture.start()) {
            List<Snapshot> snapshots = run(new FakeMonitor("hung", () -> {
                release.await();
                return "late";
            }));

            assertOnTimeWithMemoryOnly(snapshots, "hung");
            assertThat(service.statistics().monitors().get("hung").timeouts()).isEqualTo(1);
            assertThat(service.statistics().monitors().get("hung").skipped()).isEqualTo(TICKS - 1);
            assertThat(log.lines("WARN", "monitor 'hung'")).hasSize(2)
                    .anySatisfy(line -> assertThat(line).contains("did not return within the tick's deadline"))
                    .anySatisfy(line -> assertThat(line).contains("skipped: the previous collect has not returned"));
        }
    }

    /** Runs the memory monitor and the faulty one for {@link #TICKS} ticks. */
    private List<Snapshot> run(FakeMonitor faulty) {
        service = MonitoringService.builder().interval(INTERVAL).clock(clock).ticker(clock).discovery(false)
                .collectTimeout(Duration.ofMillis(50)).onlyMonitors("memory", faulty.name()).monitor(faulty).start();
        ManualTicks ticks = new ManualTicks(service, clock, INTERVAL);
        List<Snapshot> snapshots = new ArrayList<>();
        snapshots.add(ticks.await(1));
        for (int i = 1; i < TICKS; i++) {
            snapshots.add(ticks.next());
        }
        return snapshots;
    }

    private static void assertOnTimeWithMemoryOnly(List<Snapshot> snapshots, String faulty) {
        for (int i = 0; i < snapshots.size(); i++) {
            Snapshot snapshot = snapshots.get(i);
            assertThat(snapshot.seq()).isEqualTo(i + 1);
            assertThat(snapshot.sections()).containsKey("memory").doesNotContainKey(faulty);
            assertThat(Duration.between(snapshots.get(0).timestamp(), snapshot.timestamp()))
                    .as("tick %d on its slot", snapshot.seq()).isEqualTo(INTERVAL.multipliedBy(i));
        }
    }
}
