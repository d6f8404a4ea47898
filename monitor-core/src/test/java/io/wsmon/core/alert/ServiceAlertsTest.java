package io.wsmon.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertLevel;
import io.wsmon.api.MemoryInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.MonitoringServiceBuilder;
import io.wsmon.core.testing.Await;
import io.wsmon.core.testing.FakeMonitor;
import io.wsmon.core.testing.Schedules;
import io.wsmon.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The alert engine inside the running service: alerts in the snapshot, handlers off the collection thread. */
class ServiceAlertsTest {

    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final long GB = 1024L * 1024 * 1024;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-03T09:15:30Z"), ZoneOffset.ofHours(1));
    private final AtomicReference<Double> memoryPercent = new AtomicReference<>(85.5);
    private final BlockingHandler blocked = new BlockingHandler();
    private MonitoringService service;

    @AfterEach
    void stop() {
        blocked.release.countDown();
        if (service != null) {
            service.stop();
        }
    }

    /** A service whose only section is a memory reading the test sets, without discovery. */
    private MonitoringServiceBuilder builder() {
        return builder(false);
    }

    private MonitoringServiceBuilder builder(boolean discovery) {
        FakeMonitor memory = new FakeMonitor("memory", () -> {
            double percent = memoryPercent.get();
            return new MemoryInfo(16 * GB, (long) (16 * GB * (100 - percent) / 100), (long) (16 * GB * percent / 100),
                    percent, null);
        });
        return MonitoringService.builder().interval(INTERVAL).clock(clock).ticker(clock).discovery(discovery)
                .onlyMonitors("memory").disable("memory").monitor(memory);
    }

    private Snapshot awaitTick(long seq) {
        Await.until("tick " + seq, () -> service.currentSnapshot().map(Snapshot::seq).orElse(0L) >= seq);
        return service.currentSnapshot().orElseThrow();
    }

    /** Waits for the collector to sleep until its next slot, moves time to it, and waits for that tick. */
    private Snapshot nextTick() throws Exception {
        long seq = service.currentSnapshot().map(Snapshot::seq).orElse(0L);
        Schedules.awaitAllAsleep(service, clock);
        clock.advance(INTERVAL);
        return awaitTick(seq + 1);
    }

    @Test
    void tick_memoryAboveWarning_alertIsInTheSnapshotJsonAndReachesTheHandler() throws Exception {
        RecordingHandler handler = new RecordingHandler("recording");
        service = builder().alertHandler(handler).start();

        Snapshot first = awaitTick(1);

        Alert expected = new Alert(first.timestamp(), "memory", "usage_percent", null, 85.5, 80.0, AlertLevel.WARNING,
                "High memory usage: 85.5% (threshold: 80.0%)");
        assertThat(first.alerts()).containsExactly(expected);
        assertThat(first.jsonText()).contains("\"alerts\":[{\"timestamp\":\"2026-01-03T10:15:30.000000+01:00\","
                + "\"component\":\"memory\",\"metric\":\"usage_percent\",\"value\":85.5,\"threshold\":80.0,"
                + "\"level\":\"WARNING\",\"message\":\"High memory usage: 85.5% (threshold: 80.0%)\"}]");
        assertThat(handler.next()).isEqualTo(expected);
    }

    @Test
    void start_discoveryOn_addsListedAlertHandlersExceptDisabledOnes() {
        // The test-only services file lists three working handlers and two broken entries.
        service = builder(true).disable("discovered-middle").start();

        assertThat(service.alerts().handlers().names()).containsExactly("discovered-first", "discovered-last");
    }

    @Test
    void tick_withinCooldown_hasNoAlertsButTheConditionStaysActive() throws Exception {
        service = builder().start();
        awaitTick(1);

        Snapshot second = nextTick();

        assertThat(second.alerts()).isEmpty();
        assertThat(second.jsonText()).doesNotContain("\"alerts\"");
        assertThat(service.activeAlerts()).extracting(Alert::timestamp).containsExactly(second.timestamp());
        assertThat(service.recentAlerts()).hasSize(1);
    }

    @Test
    void tick_thresholdChangedWhileRunning_appliesAtTheNextTick() throws Exception {
        service = builder().alertRule(AlertRule.above("memory", "usage_percent").warning(90).critical(95)).start();
        assertThat(awaitTick(1).alerts()).isEmpty();

        service.alerts().setThreshold("memory", AlertLevel.WARNING, 85);

        assertThat(nextTick().alerts()).extracting(Alert::message)
                .containsExactly("High memory usage: 85.5% (threshold: 85.0%)");
    }

    @Test
    void handlerBlocked_forThirtySecondsOfTicks_doesNotMoveTheTickSchedule() throws Exception {
        service = builder().alertCooldown(Duration.ZERO).alertHandler(blocked).start();
        awaitTick(1);

        // 60 more ticks of 0.5 s: 30 s during which the handler never returns.
        for (int tick = 0; tick < 60; tick++) {
            nextTick();
        }

        List<Snapshot> ticks = service.history(100);
        assertThat(ticks).hasSize(61);
        for (int i = 1; i < ticks.size(); i++) {
            assertThat(ticks.get(i).seq()).isEqualTo(ticks.get(i - 1).seq() + 1);
            assertThat(Duration.between(ticks.get(i - 1).timestamp(), ticks.get(i).timestamp())).isEqualTo(INTERVAL);
            assertThat(ticks.get(i).alerts()).hasSize(1);
        }
        assertThat(blocked.entered.getCount()).isZero();
        assertThat(service.statistics().missedTicks()).isZero();
        assertThat(service.alerts().handlers().statistics().handler("blocking").orElseThrow().handled()).isZero();
    }
}
