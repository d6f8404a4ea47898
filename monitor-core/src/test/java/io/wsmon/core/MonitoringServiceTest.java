package io.wsmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.wsmon.api.Exporter;
import io.wsmon.api.JvmInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.core.collect.GcReport;
import io.wsmon.core.collect.HeapTrend;
import io.wsmon.core.testing.Await;
import io.wsmon.core.testing.FakeMonitor;
import io.wsmon.core.testing.LogCapture;
import io.wsmon.core.testing.Schedules;
import io.wsmon.core.time.ManualClock;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MonitoringServiceTest {

    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Instant START = Instant.parse("2026-01-03T10:00:00Z");

    private final ManualClock clock = new ManualClock(START, ZoneOffset.ofHours(1));
    private final CountDownLatch release = new CountDownLatch(1);
    private MonitoringService service;

    @AfterEach
    void stop() {
        release.countDown();
        if (service != null) {
            service.stop();
        }
    }

    private MonitoringServiceBuilder builder() {
        return MonitoringService.builder().interval(INTERVAL).clock(clock).ticker(clock).discovery(false);
    }

    private Snapshot awaitTick(long seq) {
        Await.until("tick " + seq, () -> service.currentSnapshot().map(Snapshot::seq).orElse(0L) >= seq);
        return service.currentSnapshot().orElseThrow();
    }

    private Snapshot nextTick() throws Exception {
        long seq = service.currentSnapshot().map(Snapshot::seq).orElse(0L);
        Schedules.awaitAllAsleep(service, clock);
        clock.advance(INTERVAL);
        return awaitTick(seq + 1);
    }

    @Test
    void start_withDefaults_collectsEveryBuiltInSection() {
        service = builder().start();

        Snapshot first = awaitTick(1);

        // the Linux sections follow where the machine has them (no sensors on most virtual machines)
        assertThat(first.sections().keySet())
                .startsWith("processor", "memory", "disk", "disks", "system", "network", "jvm")
                .isSubsetOf("processor", "memory", "disk", "disks", "system", "network", "jvm", "processes", "disk_io",
                        "sensors", "container", "pressure");
        if (io.wsmon.core.collect.linux.LinuxHostProbe.isSupported()) {
            assertThat(first.sections().keySet()).contains("processes", "disk_io");
            assertThat(first.processor().orElseThrow().timesPercent()).isNotNull();
            assertThat(first.processor().orElseThrow().frequencyMax()).isNotNull();
            assertThat(first.jvm().orElseThrow().tcpConnections()).isNotNull();
        }
        assertThat(first.memory().orElseThrow().total()).isPositive();
        assertThat(first.disk().orElseThrow().path()).isEqualTo("/");
        assertThat(first.system().orElseThrow().javaVersion()).isEqualTo(System.getProperty("java.version"));
        assertThat(first.processor().orElseThrow().perCoreUsage())
                .hasSize(first.processor().orElseThrow().logicalCount());
        assertThat(service.isRunning()).isTrue();
        assertThat(service.status()).isEqualTo(ServiceStatus.RUNNING);
    }

    @Test
    void ticks_everyInterval_haveConsecutiveSeqAndTimestampsOnTheGrid() throws Exception {
        service = builder().onlyMonitors("memory").start();
        awaitTick(1);

        Snapshot second = nextTick();
        Snapshot third = nextTick();

        assertThat(List.of(second.seq(), third.seq())).containsExactly(2L, 3L);
        assertThat(third.timestamp()).isEqualTo(OffsetDateTime.parse("2026-01-03T11:00:01+01:00"));
        assertThat(service.statistics().ticks()).isEqualTo(3);
        assertThat(service.statistics().missedTicks()).isZero();
    }

    @Test
    void tick_monitorThrows_losesOnlyThatSection_andIsCounted() throws Exception {
        FakeMonitor broken = new FakeMonitor("broken", () -> {
            throw new IllegalStateException("sensor gone");
        });
        service = builder().onlyMonitors("memory", "broken").monitor(broken).start();

        Snapshot first = awaitTick(1);
        nextTick();

        assertThat(first.sections()).containsKey("memory").doesNotContainKey("broken");
        MonitorStatistics stats = service.statistics().monitors().get("broken");
        assertThat(stats.errors()).isEqualTo(2);
        assertThat(stats.failing()).isTrue();
        assertThat(stats.lastError()).contains("sensor gone");
        assertThat(service.healthReport().health()).isEqualTo(HealthReport.Health.DEGRADED);
        assertThat(service.healthReport().problems()).anyMatch(p -> p.contains("monitor 'broken' is failing"));
    }

    @Test
    void tick_monitorHangs_losesOnlyThatSection_andIsNotCalledAgainWhileBusy() throws Exception {
        FakeMonitor hung = new FakeMonitor("hung", () -> {
            release.await();
            return "late";
        });
        service = builder().collectTimeout(Duration.ofMillis(50)).onlyMonitors("memory", "hung").monitor(hung).start();

        Snapshot first = awaitTick(1);
        Snapshot second = nextTick();

        assertThat(first.sections()).containsKey("memory").doesNotContainKey("hung");
        assertThat(second.sections()).containsKey("memory").doesNotContainKey("hung");
        assertThat(hung.calls()).isEqualTo(1);
        MonitorStatistics stats = service.statistics().monitors().get("hung");
        assertThat(stats.timeouts()).isEqualTo(1);
        assertThat(stats.skipped()).isEqualTo(1);

        release.countDown();
        // the lane may still be finishing the released call at the next tick, and a new call must return
        // within the 50 ms collect timeout of real time: on a busy machine that can take a few ticks
        Snapshot recovered = null;
        for (int i = 0; i < 20 && (recovered == null || !recovered.sections().containsKey("hung")); i++) {
            recovered = nextTick();
        }
        assertThat(recovered.sections()).containsEntry("hung", "late");
        assertThat(service.statistics().monitors().get("hung").failing()).isFalse();
    }

    @Test
    void tick_monitorReturnsNull_leavesTheSectionOut() {
        service = builder().onlyMonitors("nothing").monitor(new FakeMonitor("nothing", () -> null)).start();

        assertThat(awaitTick(1).sections()).isEmpty();
        assertThat(service.statistics().monitors().get("nothing").failing()).isFalse();
    }

    @Test
    void listener_slowOrThrowing_delaysNoTickAndNoOtherListener() throws Exception {
        List<Long> fast = new CopyOnWriteArrayList<>();
        CountDownLatch slowEntered = new CountDownLatch(1);
        service = builder().onlyMonitors("memory")
                .listener(s -> {
                    slowEntered.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .listener(s -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener(s -> fast.add(s.seq()))
                .start();
        awaitTick(1);
        assertThat(slowEntered.await(5, TimeUnit.SECONDS)).isTrue();

        Await.until("the fast listener to see tick 1", () -> fast.contains(1L));
        for (long seq = 2; seq <= 5; seq++) {
            nextTick();
            long expected = seq;
            Await.until("the fast listener to see tick " + seq, () -> fast.contains(expected));
        }

        assertThat(fast).containsExactly(1L, 2L, 3L, 4L, 5L);
        release.countDown();
        Await.until("the slow listener to skip what it missed", () -> service.statistics().listenerSkips() >= 3);
    }

    @Test
    void subscribe_thenClose_stopsDelivery() throws Exception {
        service = builder().onlyMonitors("memory").start();
        awaitTick(1);
        List<Long> seen = new CopyOnWriteArrayList<>();
        Subscription subscription = service.subscribe(s -> seen.add(s.seq()));

        nextTick();
        Await.until("delivery of tick 2", () -> seen.contains(2L));
        subscription.close();
        nextTick();
        nextTick();

        assertThat(seen).containsExactly(2L);
    }

    @Test
    void exporter_slow_delaysNoTick_andForceExportWaitsForIt() throws Exception {
        List<Long> exported = new CopyOnWriteArrayList<>();
        CountDownLatch exporting = new CountDownLatch(1);
        Exporter slow = new Exporter() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public void export(Snapshot snapshot) throws Exception {
                exporting.countDown();
                release.await();
                exported.add(snapshot.seq());
            }
        };
        service = builder().onlyMonitors("memory").exporter(slow).start();
        awaitTick(1);

        var forced = service.forceExport();
        assertThat(exporting.await(5, TimeUnit.SECONDS)).isTrue();
        nextTick();
        nextTick();
        assertThat(forced).isNotDone();

        release.countDown();
        forced.get(5, TimeUnit.SECONDS);
        assertThat(exported).containsExactly(1L);
    }

    @Test
    void exporter_atItsInterval_getsTheLatestSnapshot_andOnceMoreOnStop() throws Exception {
        List<Long> exported = new CopyOnWriteArrayList<>();
        service = builder().onlyMonitors("memory").exportInterval(Duration.ofSeconds(1))
                .exporter(new RecordingExporter(exported)).start();
        awaitTick(1);

        nextTick();
        nextTick(); // t = 1 s: the export slot and tick 3 are due together
        Await.until("the first export", () -> !exported.isEmpty());
        nextTick();
        service.stop();

        assertThat(exported.get(0)).isBetween(2L, 3L);
        assertThat(exported).last().isEqualTo(4L);
        assertThat(service.statistics().exporters().get("recording").exports()).isEqualTo(exported.size());
    }

    @Test
    void exporter_throwing_isCountedAndCalledAgain() throws Exception {
        List<Long> attempts = new CopyOnWriteArrayList<>();
        Exporter failing = new Exporter() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public void export(Snapshot snapshot) throws Exception {
                attempts.add(snapshot.seq());
                throw new java.io.IOException("disk full");
            }
        };
        service = builder().onlyMonitors("memory").exportInterval(INTERVAL).exporter(failing).start();
        awaitTick(1);
        nextTick();
        Await.until("a first attempt", () -> attempts.size() >= 1);
        nextTick();
        Await.until("a second attempt", () -> attempts.size() >= 2);

        ExporterStatistics stats = service.statistics().exporters().get("failing");
        assertThat(stats.errors()).isGreaterThanOrEqualTo(2);
        assertThat(stats.lastError()).contains("disk full");
        assertThat(service.healthReport().problems()).anyMatch(p -> p.contains("exporter 'failing' is failing"));
    }

    @Test
    void history_isBoundedBySize_newestLast() throws Exception {
        service = builder().onlyMonitors("memory").historySize(3).start();
        awaitTick(1);
        for (int i = 0; i < 4; i++) {
            nextTick();
        }

        assertThat(service.history(10)).extracting(Snapshot::seq).containsExactly(3L, 4L, 5L);
        assertThat(service.history(2)).extracting(Snapshot::seq).containsExactly(4L, 5L);
    }

    @Test
    void history_isBoundedByAge() throws Exception {
        service = builder().onlyMonitors("memory").historyMaxAge(Duration.ofSeconds(1)).start();
        awaitTick(1);
        for (int i = 0; i < 4; i++) {
            nextTick(); // ticks at 0.5, 1.0, 1.5, 2.0 s
        }

        assertThat(service.history(100)).extracting(Snapshot::seq).containsExactly(3L, 4L, 5L);
        assertThat(service.history(Duration.ofMillis(500))).extracting(Snapshot::seq).containsExactly(4L, 5L);
    }

    @Test
    void stop_isIdempotent_andAStoppedServiceDoesNotRestart() {
        service = builder().onlyMonitors("memory").start();
        awaitTick(1);

        service.stop();
        service.close();

        assertThat(service.status()).isEqualTo(ServiceStatus.STOPPED);
        assertThat(service.healthReport().health()).isEqualTo(HealthReport.Health.UNHEALTHY);
        assertThatThrownBy(service::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be started again");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("wsmon-collector"));
    }

    @Test
    void stop_duringASlowStart_waitsForTheStartThenStops() throws Exception {
        CountDownLatch starting = new CountDownLatch(1);
        io.wsmon.api.Monitor<Object> slowStart = new io.wsmon.api.Monitor<>() {
            @Override
            public String name() {
                return "slow_start";
            }

            @Override
            public void start(io.wsmon.api.MonitorContext context) throws Exception {
                starting.countDown();
                release.await();
            }

            @Override
            public Object collect() {
                return 1;
            }
        };
        service = builder().onlyMonitors("memory").monitor(slowStart).build();
        var started = java.util.concurrent.CompletableFuture.runAsync(service::start);
        assertThat(starting.await(5, TimeUnit.SECONDS)).isTrue();
        var stopped = java.util.concurrent.CompletableFuture.runAsync(service::stop);

        assertThat(service.status()).isEqualTo(ServiceStatus.STARTING);
        release.countDown();
        started.get(5, TimeUnit.SECONDS);
        stopped.get(5, TimeUnit.SECONDS);

        assertThat(service.status()).isEqualTo(ServiceStatus.STOPPED);
    }

    @Test
    void start_twice_isHarmless() {
        service = builder().onlyMonitors("memory").start();
        assertThat(service.start()).isSameAs(service);
    }

    @Test
    void healthReport_whileCollecting_isHealthy() {
        service = builder().onlyMonitors("memory", "jvm").start();
        awaitTick(1);

        HealthReport report = service.healthReport();

        assertThat(report.health()).isEqualTo(HealthReport.Health.HEALTHY);
        assertThat(report.problems()).isEmpty();
        assertThat(report.jvm()).isNotNull();
        assertThat(report.startTime()).isEqualTo(START);
    }

    @Test
    void health_tellsTheStoryOfTheHealthReport_runningAndStopped() {
        service = builder().onlyMonitors("memory").start();
        awaitTick(1);

        assertThat(service.health().verdict()).isEqualTo(io.wsmon.api.SourceHealth.Verdict.HEALTHY);
        assertThat(service.health().running()).isTrue();
        service.stop();

        assertThat(service.health().verdict()).isEqualTo(io.wsmon.api.SourceHealth.Verdict.UNHEALTHY);
        assertThat(service.health().running()).isFalse();
        assertThat(service.health().problems()).isEqualTo(service.healthReport().problems())
                .containsExactly("the service is stopped");
    }

    @Test
    void systemSummary_describesTheLatestSnapshot() {
        service = builder().start();
        assertThat(service.systemSummary()).satisfiesAnyOf(
                text -> assertThat(text).isEqualTo("No snapshot collected yet."),
                text -> assertThat(text).contains("Memory:"));
        awaitTick(1);

        assertThat(service.systemSummary()).contains("CPU:", "Memory:", "Disk /:", "System:", "Service:");
    }

    @Test
    void disable_builtInMonitor_leavesItsSectionOut() {
        service = builder().disable("network", "jvm", "disk", "processes").start();

        assertThat(awaitTick(1).sections().keySet()).startsWith("processor", "memory", "system")
                .doesNotContain("network", "jvm", "disk", "disks", "processes");
    }

    @Test
    void diskPaths_several_fillDiskWithTheFirstAndDisksWithAll(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        service = builder().onlyMonitors("disk").diskPaths("/", dir.toString()).start();

        Snapshot first = awaitTick(1);

        assertThat(first.disk().orElseThrow().path()).isEqualTo("/");
        assertThat(first.disks()).extracting(io.wsmon.api.DiskInfo::path).containsExactly("/", dir.toString());
    }

    @Test
    void healthReport_jvmSectionSuspectsALeak_isDegradedWithTheGrowth() {
        JvmInfo leaking = new JvmInfo(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100.0 * 1048576, true);
        service = builder().onlyMonitors("memory").monitor(new FakeMonitor(Snapshot.JVM, () -> leaking)).start();
        awaitTick(1);

        HealthReport report = service.healthReport();

        assertThat(report.health()).isEqualTo(HealthReport.Health.DEGRADED);
        assertThat(report.problems()).containsExactly("memory leak suspected: live heap grows 100.0 MB per hour");
        assertThat(service.health().verdict()).isEqualTo(io.wsmon.api.SourceHealth.Verdict.DEGRADED);
    }

    @Test
    void jvmSetting_bad_leavesTheSectionOutWithOneWarningNamingTheKey() {
        try (LogCapture log = LogCapture.start()) {
            service = builder().onlyMonitors("jvm", "memory").setting("jvm.leak_window", "an hour").start();

            assertThat(awaitTick(1).sections()).containsKey("memory").doesNotContainKey("jvm");
            assertThat(log.lines("WARN", "monitor 'jvm'")).singleElement().asString().endsWith(" - monitor 'jvm' rejected"
                    + " its settings, its section is left out: jvm.leak_window: must be a number of seconds above 0 and"
                    + " at most 604800, got 'an hour'");
        }
    }

    @Test
    void jvmTrend_windowBeyondTheLeakWindow_isRejectedNamingBoth() {
        service = builder().onlyMonitors("jvm").setting("jvm.leak_window", "600").start();

        assertThatThrownBy(() -> service.jvmTrend(Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window: must be above 0 and at most the leak window 10m (jvm.leak_window), got 1h");
    }

    @Test
    void jvmTrend_afterTicks_givesGrowthAndAverageOfTheLiveHeap() throws Exception {
        service = builder().onlyMonitors("jvm").setting("jvm.leak_window", "60").start(); // a sample each 500 ms
        awaitTick(1);
        for (int tick = 2; tick <= 5; tick++) {
            nextTick();
        }

        HeapTrend trend = service.jvmTrend(Duration.ofMinutes(1)).orElseThrow();

        assertThat(trend.samples()).isEqualTo(5);
        assertThat(trend.covered()).isEqualTo(INTERVAL.multipliedBy(4));
        assertThat(trend.averageBytes()).isPositive();
    }

    @Test
    void jvmTrend_jvmSectionDisabled_isAnErrorSayingSo() {
        service = builder().disable("jvm").start();

        assertThatThrownBy(() -> service.jvmTrend(Duration.ofMinutes(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the jvm section is not collected");
    }

    @Test
    void forceGc_afterDroppingGarbage_reportsTheHeapFreed() {
        assumeThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
                .as("explicit collections are turned off in this JVM").doesNotContain("-XX:+DisableExplicitGC");
        service = builder().onlyMonitors("memory").build();
        byte[][] garbage = new byte[64][];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = new byte[256 * 1024];
        }
        long held = java.util.Arrays.stream(garbage).mapToLong(array -> array.length).sum();
        garbage = null;

        GcReport report = service.forceGc();

        assertThat(report.collections()).isPositive();
        assertThat(report.freedBytes()).isGreaterThanOrEqualTo(held / 2)
                .isEqualTo(report.heapUsedBefore() - report.heapUsedAfter());
    }

    private record RecordingExporter(List<Long> exported) implements Exporter {
        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void export(Snapshot snapshot) {
            exported.add(snapshot.seq());
        }
    }
}
