package io.wsmon.core.alert;

import io.wsmon.core.ServiceContext;
import static io.wsmon.core.alert.TestAlerts.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertLevel;
import io.wsmon.api.ContainerInfo;
import io.wsmon.api.DiskIoDevice;
import io.wsmon.api.DiskIoInfo;
import io.wsmon.api.PressureAverages;
import io.wsmon.api.PressureInfo;
import io.wsmon.api.PressureStall;
import io.wsmon.api.SensorsInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.api.TemperatureSensor;
import io.wsmon.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertManagerTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-03T09:15:30Z"), ZoneOffset.UTC);
    private AlertManager manager;

    @AfterEach
    void closeManager() {
        if (manager != null) {
            manager.close();
        }
    }

    private AlertManager started(AlertManager.Builder builder) {
        manager = builder.clock(clock).build();
        manager.start(new ServiceContext(clock, Duration.ofMillis(500), Map.of()));
        return manager;
    }

    private AlertManager started() {
        return started(AlertManager.builder());
    }

    private static OffsetDateTime at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void evaluate_memoryAboveWarning_raisesTheSeedsAlert() {
        List<Alert> raised = started().evaluate(T0, Sections.tick().memory(85.5).build());

        assertThat(raised).containsExactly(new Alert(T0, "memory", "usage_percent", null, 85.5, 80.0,
                AlertLevel.WARNING, "High memory usage: 85.5% (threshold: 80.0%)"));
    }

    @Test
    void evaluate_belowEveryThreshold_raisesNothing() {
        assertThat(started().evaluate(T0, Sections.tick().memory(50).disk("/", 40, 60).build())).isEmpty();
    }

    @Test
    void evaluate_oneDiskOfTwoCritical_raisesOneAlertNamingThePath() {
        List<Alert> raised = started().evaluate(T0, Sections.tick().disk("/", 50, 50).disk("/data", 96.2, 3.8).build());

        assertThat(raised).containsExactly(new Alert(T0, "disk", "usage_percent", "/data", 96.2, 95.0,
                AlertLevel.CRITICAL, "Critical disk usage: 96.2% (threshold: 95.0%)"));
    }

    @Test
    void evaluate_onlyTheDiskSection_isReadWhenDisksIsAbsent() {
        List<Alert> raised = started().evaluate(T0, Sections.tick().singleDisk("/", 88, 12).build());

        assertThat(raised).extracting(Alert::resource, Alert::level).containsExactly(
                tuple("/", AlertLevel.WARNING));
    }

    @Test
    void evaluate_diskFreeBelowWarning_raisesLowFreeSpace() {
        List<Alert> raised = started().evaluate(T0, Sections.tick().disk("/data", 50, 1.25).build());

        assertThat(raised).singleElement().satisfies(alert -> {
            assertThat(alert.metric()).isEqualTo("free_gb");
            assertThat(alert.resource()).isEqualTo("/data");
            assertThat(alert.threshold()).isEqualTo(2.0);
            assertThat(alert.message()).isEqualTo("Low disk free space: 1.3 GB (threshold: 2.0 GB)");
        });
    }

    @Test
    void evaluate_cpuSwapAndGpuHigh_raiseNothingByDefault() {
        assertThat(started().evaluate(T0, Sections.tick().cpu(99).swap(99).gpu(0, 99, 99.0).build())).isEmpty();
    }

    @Test
    void evaluate_gpuRulesEnabled_raiseOneAlertPerGpuNamingItsId() {
        started().setThreshold("gpu", "temperature", AlertLevel.WARNING, 80);
        manager.setRuleEnabled("gpu", "memory_percent", true);

        List<Alert> raised = manager.evaluate(T0, Sections.tick().gpu(0, 50, 85.0).gpu(1, 97, 60.0).build());

        assertThat(raised).extracting(Alert::resource, Alert::metric, Alert::level, Alert::message).containsExactly(
                tuple("1", "memory_percent", AlertLevel.CRITICAL,
                        "Critical GPU memory usage: 97.0% (threshold: 95.0%)"),
                tuple("0", "temperature", AlertLevel.WARNING,
                        "High GPU temperature: 85.0°C (threshold: 80.0°C)"));
    }

    @Test
    void evaluate_cpuAndSwapEnabledBySeedStyleThreshold_raiseAlerts() {
        started().setThreshold("cpu", AlertLevel.WARNING, 70);
        manager.configureThresholds(Thresholds.builder().set(AlertMetric.SWAP_USAGE, 50, 60).build());

        List<Alert> raised = manager.evaluate(T0, Sections.tick().cpu(75).swap(65).build());

        assertThat(raised).extracting(Alert::message).containsExactly(
                "High CPU usage: 75.0% (threshold: 70.0%)",
                "Critical swap usage: 65.0% (threshold: 60.0%)");
    }

    @Test
    void evaluate_newSectionRules_areOffByDefault() {
        assertThat(started().evaluate(T0, newSections(99.0, 99.0, 99.0, 99.0))).isEmpty();
    }

    @Test
    void evaluate_newSectionRulesGivenThresholds_raiseAlertsNamingTheSensorAndTheDevice() {
        started().configureThresholds(Thresholds.fromMap(Map.of("temperature_warning", 70, "container_memory_critical",
                95, "disk_busy_warning", 50, "pressure_memory_warning", 5)));

        List<Alert> raised = manager.evaluate(T0, newSections(75.0, 96.0, 60.0, 12.34));

        assertThat(raised).extracting(Alert::component, Alert::resource, Alert::level, Alert::message).containsExactly(
                tuple("sensors", "coretemp/Package id 0", AlertLevel.WARNING,
                        "High temperature: 75.0°C (threshold: 70.0°C)"),
                tuple("container", null, AlertLevel.CRITICAL,
                        "Critical container memory usage: 96.0% (threshold: 95.0%)"),
                tuple("disk_io", "sda", AlertLevel.WARNING, "High disk busy time: 60.0% (threshold: 50.0%)"),
                tuple("pressure", null, AlertLevel.WARNING, "High memory pressure: 12.3% (threshold: 5.0%)"));
    }

    private static Map<String, Object> newSections(double temperature, double containerMemory, double busy,
            double memoryPressure) {
        PressureAverages some = new PressureAverages(memoryPressure, 1, 1, 10);
        return Sections.tick()
                .section(Snapshot.SENSORS, new SensorsInfo(List.of(new TemperatureSensor("coretemp", "Package id 0",
                        temperature, 80.0, 100.0)), List.of()))
                .section(Snapshot.CONTAINER, new ContainerInfo(2, 100L, 96L, containerMemory, null, null, null, null))
                .section(Snapshot.DISK_IO, new DiskIoInfo(0, 0, 0, 0, List.of(new DiskIoDevice("sda", 0, 0, 0, 0, busy,
                        0, 0, 0, 0, 0))))
                .section(Snapshot.PRESSURE, new PressureInfo(null, new PressureStall(some, null), null))
                .build();
    }

    @Test
    void cooldown_sameLevelWithinWindow_isSuppressed() {
        started().evaluate(at(0), Sections.tick().memory(85).build());
        clock.advance(Duration.ofSeconds(299));

        assertThat(manager.evaluate(at(299), Sections.tick().memory(86).build())).isEmpty();
    }

    @Test
    void cooldown_sameLevelAfterWindow_firesAgain() {
        started().evaluate(at(0), Sections.tick().memory(85).build());
        clock.advance(Duration.ofSeconds(300));

        assertThat(manager.evaluate(at(300), Sections.tick().memory(86).build()))
                .extracting(Alert::value).containsExactly(86.0);
    }

    @Test
    void cooldown_escalationToCritical_firesAtOnce() {
        started().evaluate(at(0), Sections.tick().memory(85).build());
        clock.advance(Duration.ofSeconds(1));

        assertThat(manager.evaluate(at(1), Sections.tick().memory(95).build()))
                .extracting(Alert::level).containsExactly(AlertLevel.CRITICAL);
    }

    @Test
    void cooldown_perDisk_oneDiskDoesNotHoldBackAnother() {
        started().evaluate(at(0), Sections.tick().disk("/", 90, 10).build());
        clock.advance(Duration.ofSeconds(1));

        assertThat(manager.evaluate(at(1), Sections.tick().disk("/", 90, 10).disk("/data", 90, 10).build()))
                .extracting(Alert::resource).containsExactly("/data");
    }

    @Test
    void cooldown_changedWhileRunning_appliesFromTheNextTick() {
        started().evaluate(at(0), Sections.tick().memory(85).build());
        clock.advance(Duration.ofSeconds(10));
        manager.setCooldown(Duration.ofSeconds(5));

        assertThat(manager.evaluate(at(10), Sections.tick().memory(85).build())).hasSize(1);
        assertThat(manager.cooldown()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void cooldown_zero_letsEveryTickOut() {
        started(AlertManager.builder().cooldown(Duration.ZERO));
        for (int tick = 0; tick < 3; tick++) {
            assertThat(manager.evaluate(at(tick), Sections.tick().memory(85).build())).hasSize(1);
        }
    }

    @Test
    void activeAlerts_heldBackByCooldown_areStillListedWithTheLatestValue() {
        started().evaluate(at(0), Sections.tick().memory(85).disk("/", 96, 4).build());
        clock.advance(Duration.ofSeconds(1));
        assertThat(manager.evaluate(at(1), Sections.tick().memory(87).disk("/", 96, 4).build())).isEmpty();

        assertThat(manager.activeAlerts()).extracting(Alert::component, Alert::value, Alert::timestamp).containsExactly(
                tuple("memory", 87.0, at(1)),
                tuple("disk", 96.0, at(1)));
    }

    @Test
    void activeAlerts_conditionCleared_isNoLongerListed() {
        started().evaluate(at(0), Sections.tick().memory(85).build());
        manager.evaluate(at(1), Sections.tick().memory(50).build());

        assertThat(manager.activeAlerts()).isEmpty();
    }

    @Test
    void resolvedCallback_conditionClears_receivesTheResolution() throws Exception {
        CompletableFuture<AlertResolution> resolved = new CompletableFuture<>();
        started().addResolvedCallback(resolved::complete);
        manager.evaluate(at(0), Sections.tick().memory(92).build());

        manager.evaluate(at(1), Sections.tick().memory(70.2).build());

        assertThat(resolved.get(5, TimeUnit.SECONDS)).isEqualTo(new AlertResolution(at(1), "memory", "usage_percent",
                null, AlertLevel.CRITICAL, 70.2, 80.0, "Memory usage back to normal: 70.2% (threshold: 80.0%)"));
    }

    @Test
    void resolvedCallback_ruleSwitchedOffWhileActive_isNotCalled() throws Exception {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        started().addResolvedCallback(events::add);
        manager.addAlertCallback(events::add);
        manager.evaluate(at(0), Sections.tick().memory(85).build());
        manager.setRuleEnabled("memory", "usage_percent", false);
        manager.evaluate(at(1), Sections.tick().memory(85).build());
        manager.setRuleEnabled("memory", "usage_percent", true);
        clock.advance(Duration.ofSeconds(600));
        manager.evaluate(at(600), Sections.tick().memory(50).build());
        manager.evaluate(at(601), Sections.tick().disk("/", 90, 10).build());

        // Callbacks run in order on one thread: once the disk alert is in, every earlier event is too.
        assertThat(events.poll(5, TimeUnit.SECONDS)).isInstanceOf(Alert.class);
        assertThat(events.poll(5, TimeUnit.SECONDS)).isInstanceOf(Alert.class).extracting("component").isEqualTo("disk");
        assertThat(events).isEmpty();
        assertThat(manager.activeAlerts()).extracting(Alert::component).containsExactly("disk");
    }

    @Test
    void recentAlerts_historySizeThree_keepsTheLastThreeNewestLast() {
        started(AlertManager.builder().cooldown(Duration.ZERO).historySize(3));
        for (int tick = 0; tick < 5; tick++) {
            manager.evaluate(at(tick), Sections.tick().memory(81 + tick).build());
        }

        assertThat(manager.recentAlerts()).extracting(Alert::value).containsExactly(83.0, 84.0, 85.0);
    }

    @Test
    void alertCallback_throwingCallback_doesNotStopTheNext() throws Exception {
        CompletableFuture<Alert> second = new CompletableFuture<>();
        started().addAlertCallback(alert -> {
            throw new IllegalStateException("callback bug");
        });
        manager.addAlertCallback(second::complete);

        manager.evaluate(T0, Sections.tick().memory(85.5).build());

        assertThat(second.get(5, TimeUnit.SECONDS).message()).isEqualTo("High memory usage: 85.5% (threshold: 80.0%)");
        assertThat(manager.callbackFailures()).isEqualTo(1);
    }

    @Test
    void removeAlertCallback_removedCallback_isNoLongerCalled() throws Exception {
        BlockingQueue<Alert> removed = new LinkedBlockingQueue<>();
        CompletableFuture<Alert> kept = new CompletableFuture<>();
        Consumer<Alert> callback = removed::add;
        started().addAlertCallback(callback);
        assertThat(manager.removeAlertCallback(callback)).isTrue();
        manager.addAlertCallback(kept::complete);

        manager.evaluate(T0, Sections.tick().memory(85.5).build());

        // Callbacks run in order on one thread: once the kept one ran, the removed one would have too.
        assertThat(kept.get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(removed).isEmpty();
        assertThat(manager.removeAlertCallback(callback)).isFalse();
    }

    @Test
    void evaluate_handlerHangs_returnsAndTheOtherHandlerStillReceives() throws Exception {
        BlockingHandler hanging = new BlockingHandler();
        RecordingHandler recording = new RecordingHandler("recording");
        started(AlertManager.builder().cooldown(Duration.ZERO).handler(hanging).handler(recording));
        try {
            CompletableFuture<List<Alert>> ticks = CompletableFuture.supplyAsync(() -> {
                manager.evaluate(at(0), Sections.tick().memory(85).build());
                return manager.evaluate(at(1), Sections.tick().memory(86).build());
            });

            // A hang guard, not a speed check: evaluate must return while the hanging handler still holds its thread.
            assertThat(ticks.get(10, TimeUnit.SECONDS)).hasSize(1);
            assertThat(recording.next(2)).extracting(Alert::value).containsExactly(85.0, 86.0);
            assertThat(hanging.entered.await(10, TimeUnit.SECONDS)).as("the hanging handler was called").isTrue();
            assertThat(hanging.release.getCount()).isEqualTo(1);
        } finally {
            hanging.release.countDown();
        }
    }

    @Test
    void evaluate_raisedAlert_reachesHandlersAndHistory() throws Exception {
        RecordingHandler recording = new RecordingHandler("recording");
        started(AlertManager.builder().handler(recording));

        List<Alert> raised = manager.evaluate(T0, Sections.tick().memory(85.5).build());

        assertThat(recording.next()).isEqualTo(raised.get(0));
        assertThat(manager.recentAlerts()).isEqualTo(raised);
    }

    @Test
    void builderRule_replacesTheDefaultForTheSameMetric() {
        started(AlertManager.builder().rule(AlertRule.above("memory", "usage_percent").warning(75).critical(85)));

        assertThat(manager.evaluate(T0, Sections.tick().memory(76).build()))
                .extracting(Alert::message).containsExactly("High memory usage: 76.0% (threshold: 75.0%)");
        assertThat(manager.rule("memory", "usage_percent")).hasValue(
                AlertRule.above("memory", "usage_percent").warning(75).critical(85));
    }

    @Test
    void defaultRulesOff_onlyGivenRulesApply() {
        started(AlertManager.builder().defaultRules(false).rule(AlertRule.below("disk", "free_gb").critical(1)));

        assertThat(manager.rules()).hasSize(1);
        assertThat(manager.evaluate(T0, Sections.tick().memory(99).disk("/", 99, 0.5).build()))
                .extracting(Alert::metric).containsExactly("free_gb");
    }

    @Test
    void ruleForResource_overridesTheGeneralRuleForThatPathOnly() {
        started().setRule(AlertRule.above("disk", "usage_percent").forResource("/scratch").warning(98).critical(99));

        List<Alert> raised = manager.evaluate(T0, Sections.tick().disk("/", 90, 10).disk("/scratch", 90, 10).build());

        assertThat(raised).extracting(Alert::resource).containsExactly("/");
    }

    @Test
    void configureThresholds_seedMap_changesRulesWhileRunning() {
        started().configureThresholds(Thresholds.fromMap(Map.of(
                "memory_warning", 70, "memory_critical", 85, "disk_warning", 80, "disk_critical", 90)));

        List<Alert> raised = manager.evaluate(T0, Sections.tick().memory(72).disk("/", 91, 9).build());

        assertThat(raised).extracting(Alert::message).containsExactly(
                "High memory usage: 72.0% (threshold: 70.0%)",
                "Critical disk usage: 91.0% (threshold: 90.0%)");
    }

    @Test
    void configureThresholds_warningAndCriticalRaisedTogether_isAccepted() {
        started().configureThresholds(Thresholds.builder().set(AlertMetric.MEMORY_USAGE, 95, 98).build());

        assertThat(manager.rule("memory", "usage_percent").orElseThrow().warningThreshold()).hasValue(95.0);
    }

    @Test
    void configureThresholds_oneInvalidChange_appliesNone() {
        started();
        List<AlertRule> before = manager.rules();

        assertThatThrownBy(() -> manager.configureThresholds(Thresholds.builder()
                        .set(AlertMetric.DISK_USAGE, 70, 80)
                        .set("memory_warning", 95)
                        .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memory usage_percent: warning threshold 95.0 is above the critical threshold 90.0");
        assertThat(manager.rules()).isEqualTo(before);
    }

    @Test
    void setThreshold_unknownComponent_isRejectedNamingIt() {
        assertThatThrownBy(() -> started().setThreshold("network", AlertLevel.WARNING, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown alert component 'network'");
    }

    @Test
    void setThreshold_percentageOutOfRange_isRejectedNamingTheKey() {
        assertThatThrownBy(() -> started().setThreshold("memory", AlertLevel.CRITICAL, 101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold memory_critical: 101.0 is outside 0–100 (it is a percentage)");
    }

    @Test
    void setCooldown_negative_isRejected() {
        assertThatThrownBy(() -> started().setCooldown(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert cooldown must not be negative, got PT-1S");
    }

    @Test
    void builderHistorySize_zero_isRejected() {
        assertThatThrownBy(() -> AlertManager.builder().historySize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert historySize must be at least 1, got 0");
    }

    @Test
    void builderCooldown_setTwice_isRejected() {
        AlertManager.Builder builder = AlertManager.builder().cooldown(Duration.ofSeconds(10));

        assertThatThrownBy(() -> builder.cooldown(Duration.ofSeconds(20)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("alert manager cooldown was already set to PT10S");
    }

    @Test
    void builderHandlers_sameNameTwice_isRejected() {
        AlertManager.Builder builder = AlertManager.builder()
                .handler(new RecordingHandler("twin")).handler(new RecordingHandler("twin"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert handler name 'twin' is already used");
    }

    @Test
    void evaluate_beforeStart_isRejected() {
        manager = AlertManager.builder().build();

        assertThatThrownBy(() -> manager.evaluate(T0, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("alert manager is not started; call start(context) first");
    }
}
