package io.wsmon.core.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;
import io.wsmon.api.AlertLevel;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.core.alert.BlockingHandler;
import io.wsmon.core.alert.RecordingHandler;
import io.wsmon.core.alert.TestAlerts;
import io.wsmon.core.ServiceContext;
import io.wsmon.core.alert.filter.AlertFilter;
import io.wsmon.core.testing.RecordingLogger;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class AlertHandlerManagerTest {

    private final RecordingLogger log = new RecordingLogger();
    private final AlertHandlerManager manager = new AlertHandlerManager(2, Duration.ofMillis(200), log);
    private final BlockingHandler blocking = new BlockingHandler();

    @AfterEach
    void tearDown() {
        blocking.release.countDown();
        manager.close();
    }

    private static AlertHandler failing(String name) {
        return new AlertHandler() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void handle(Alert alert) throws IOException {
                throw new IOException("SMTP server down");
            }
        };
    }

    @Test
    void addGetList_keepHandlersInOrderByName() {
        manager.add(new RecordingHandler("console"));
        manager.add(new RecordingHandler("file"));

        assertThat(manager.names()).containsExactly("console", "file");
        assertThat(manager.get("file")).hasValueSatisfying(h -> assertThat(h.name()).isEqualTo("file"));
        assertThat(manager.get("slack")).isEmpty();
        assertThat(manager.list()).extracting(ManagedAlertHandler::isEnabled).containsExactly(true, true);
    }

    @Test
    void add_nameAlreadyUsed_isRejected() {
        manager.add(new RecordingHandler("file"));

        assertThatThrownBy(() -> manager.add(new RecordingHandler("file")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert handler name 'file' is already used");
    }

    @Test
    void add_blankName_isRejected() {
        assertThatThrownBy(() -> manager.add(new RecordingHandler(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert handler " + RecordingHandler.class.getName() + " has a blank name");
    }

    @Test
    void newManager_badQueueCapacity_isRejected() {
        assertThatThrownBy(() -> new AlertHandlerManager(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert queue capacity must be at least 1, got 0");
    }

    @Test
    void handle_beforeStart_isRejected() {
        assertThatThrownBy(() -> manager.handle(TestAlerts.memoryWarning()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("alert handler manager is not started; call start(context) first");
    }

    @Test
    void handle_mixedHandlers_reportsSuccessPerHandlerThatTookTheAlert() throws Exception {
        manager.add(new RecordingHandler("ok"));
        manager.add(failing("broken"));
        manager.add(new RecordingHandler("critical-only")).addFilter(AlertFilter.minimumLevel(AlertLevel.CRITICAL));
        manager.add(new RecordingHandler("off")).setEnabled(false);
        manager.start(ServiceContext.defaults());

        Map<String, Boolean> results = manager.handle(TestAlerts.memoryWarning()).get(5, TimeUnit.SECONDS);

        assertThat(results).containsExactly(Map.entry("ok", true), Map.entry("broken", false));
    }

    @Test
    void statistics_countHandledErrorsAndFilteredPerHandlerAndInTotal() throws Exception {
        manager.add(new RecordingHandler("ok"));
        manager.add(failing("broken"));
        manager.add(new RecordingHandler("disk-only")).addFilter(AlertFilter.components("disk"));
        manager.start(ServiceContext.defaults());

        manager.handle(TestAlerts.memoryWarning()).get(5, TimeUnit.SECONDS);
        manager.handle(TestAlerts.diskCritical()).get(5, TimeUnit.SECONDS);

        DeliveryStatistics statistics = manager.statistics();
        assertThat(statistics.totalHandled()).isEqualTo(3);
        assertThat(statistics.totalErrors()).isEqualTo(2);
        assertThat(statistics.handlers()).containsExactly(
                new HandlerStatistics("ok", true, 2, 0, 0, 0),
                new HandlerStatistics("broken", true, 0, 2, 0, 0),
                new HandlerStatistics("disk-only", true, 1, 0, 0, 1));
    }

    @Test
    void disableAllThenEnableAll_switchesDelivery() throws Exception {
        RecordingHandler recording = new RecordingHandler("recording");
        manager.add(recording);
        manager.start(ServiceContext.defaults());

        manager.disableAll();
        assertThat(manager.handle(TestAlerts.memoryWarning()).get(5, TimeUnit.SECONDS)).isEmpty();
        manager.enableAll();

        assertThat(manager.handle(TestAlerts.memoryWarning()).get(5, TimeUnit.SECONDS)).containsEntry("recording", true);
        assertThat(recording.pending()).hasSize(1);
    }

    @Test
    void shouldHandle_reflectsEnabledFlagAndFilters() {
        ManagedAlertHandler managed = manager.add(new RecordingHandler("recording"));
        AlertFilter criticalOnly = AlertFilter.minimumLevel(AlertLevel.CRITICAL);
        managed.addFilter(criticalOnly);

        assertThat(managed.shouldHandle(TestAlerts.memoryWarning())).isFalse();
        assertThat(managed.shouldHandle(TestAlerts.diskCritical())).isTrue();
        assertThat(managed.removeFilter(AlertFilter.minimumLevel(AlertLevel.CRITICAL))).isTrue();
        assertThat(managed.shouldHandle(TestAlerts.memoryWarning())).isTrue();
        managed.setEnabled(false);
        assertThat(managed.shouldHandle(TestAlerts.diskCritical())).isFalse();
    }

    @Test
    void submit_handlerHangs_otherHandlersStillReceive() throws Exception {
        RecordingHandler recording = new RecordingHandler("recording");
        manager.add(blocking);
        manager.add(recording);
        manager.start(ServiceContext.defaults());

        manager.submit(TestAlerts.memoryWarning());
        manager.submit(TestAlerts.diskCritical());

        assertThat(recording.next(2)).containsExactly(TestAlerts.memoryWarning(), TestAlerts.diskCritical());
        assertThat(blocking.entered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(blocking.release.getCount()).isEqualTo(1);
    }

    @Test
    void submit_queueOfHangingHandlerFull_dropsAreCountedNotBlocking() throws Exception {
        manager.add(blocking);
        manager.start(ServiceContext.defaults());

        for (int i = 0; i < 5; i++) {
            manager.submit(TestAlerts.memoryWarning());
        }

        // One alert is in the handler, two wait in the queue of capacity 2, two are dropped.
        assertThat(manager.statistics().handler("blocking").orElseThrow().dropped()).isEqualTo(2);
        assertThat(manager.handle(TestAlerts.memoryWarning()).get(5, TimeUnit.SECONDS)).containsEntry("blocking", false);
    }

    @Test
    void close_handlerHanging_returnsAfterTheTimeoutInterruptsAndClosesIt() throws Exception {
        manager.add(blocking);
        manager.start(ServiceContext.defaults());
        manager.submit(TestAlerts.memoryWarning());
        CompletableFuture<Map<String, Boolean>> queued = manager.handle(TestAlerts.diskCritical());
        assertThat(blocking.entered.await(5, TimeUnit.SECONDS)).isTrue();

        // A hang guard: close waits 200 ms for deliveries, then gives up on the hanging one.
        CompletableFuture.runAsync(manager::close).get(10, TimeUnit.SECONDS);

        assertThat(blocking.interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(blocking.closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(queued.get(5, TimeUnit.SECONDS)).containsEntry("blocking", false);
        assertThat(blocking.calls).hasValue(1);
    }

    @Test
    void close_idleHandlers_closesEachOnce() throws Exception {
        CountDownLatch closed = new CountDownLatch(2);
        manager.add(closeCounting("a", closed));
        manager.add(closeCounting("b", closed));
        manager.start(ServiceContext.defaults());

        manager.close();
        manager.close();

        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(manager.list()).isEmpty();
        assertThat(manager.handle(TestAlerts.memoryWarning()).get(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void remove_startedHandler_isClosedAndNoLongerListed() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        manager.add(closeCounting("gone", closed));
        manager.start(ServiceContext.defaults());

        assertThat(manager.remove("gone")).isTrue();

        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(manager.get("gone")).isEmpty();
        assertThat(manager.remove("gone")).isFalse();
    }

    @Test
    void clear_removesAndClosesEveryHandler() throws Exception {
        CountDownLatch closed = new CountDownLatch(2);
        manager.add(closeCounting("a", closed));
        manager.add(closeCounting("b", closed));
        manager.start(ServiceContext.defaults());

        manager.clear();

        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(manager.names()).isEmpty();
    }

    @Test
    void start_handlerThatFailsToStart_isLeftOutAndOthersRun() throws Exception {
        manager.add(new RecordingHandler("good"));
        manager.add(new RecordingHandler("bad") {
            @Override
            public void start(MonitorContext context) {
                throw new IllegalStateException("no SMTP host configured");
            }
        });

        manager.start(ServiceContext.defaults());

        assertThat(manager.names()).containsExactly("good");
        assertThat(manager.handle(TestAlerts.memoryWarning()).get(5, TimeUnit.SECONDS)).containsEntry("good", true);
    }

    private static AlertHandler failingToStart(String name, Exception failure) {
        return new RecordingHandler(name) {
            @Override
            public void start(MonitorContext context) throws Exception {
                throw failure;
            }
        };
    }

    @Test
    void start_handlerNotConfigured_isLeftOutWithOneDebugLine() throws Exception {
        manager.add(new RecordingHandler("good"));
        manager.add(failingToStart("email", new MonitorUnavailableException("alert.email.server is not set")));

        manager.start(ServiceContext.defaults());

        assertThat(manager.names()).containsExactly("good");
        assertThat(log.lines()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(Level.DEBUG);
            assertThat(line.message())
                    .isEqualTo("alert handler 'email' is not configured and is left out: alert.email.server is not set");
        });
    }

    @Test
    void start_handlerWithBadSetting_isLeftOutWithOneWarningNamingTheKeyWithoutTrace() throws Exception {
        manager.add(new RecordingHandler("good"));
        manager.add(failingToStart("webhook",
                new IllegalArgumentException("alert.webhook.timeout: webhook timeout must be positive, got PT0S")));

        manager.start(ServiceContext.defaults());

        assertThat(manager.names()).containsExactly("good");
        assertThat(log.lines()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(Level.WARN);
            assertThat(line.message()).isEqualTo("alert handler 'webhook' is left out: "
                    + "alert.webhook.timeout: webhook timeout must be positive, got PT0S");
            assertThat(line.thrown()).isNull();
        });
        assertThat(manager.handle(TestAlerts.memoryWarning()).get(5, TimeUnit.SECONDS)).containsExactly(entry("good", true));
    }

    @Test
    void start_handlerFailingUnexpectedly_isLeftOutWithOneWarningAndTheTrace() {
        IOException failure = new IOException("disk full");
        manager.add(failingToStart("file", failure));

        manager.start(ServiceContext.defaults());

        assertThat(manager.names()).isEmpty();
        assertThat(log.lines()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(Level.WARN);
            assertThat(line.message()).isEqualTo("alert handler 'file' failed to start and is left out: IOException: disk full");
            assertThat(line.thrown()).isSameAs(failure);
        });
    }

    @Test
    void add_afterStartWithFailingStart_isRejectedNamingTheHandler() {
        manager.start(ServiceContext.defaults());

        assertThatThrownBy(() -> manager.add(new RecordingHandler("bad") {
                    @Override
                    public void start(MonitorContext context) {
                        throw new IllegalStateException("no SMTP host configured");
                    }
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("alert handler 'bad' failed to start: no SMTP host configured");
        assertThat(manager.names()).isEmpty();
    }

    @Test
    void start_twice_isRejected() {
        manager.start(ServiceContext.defaults());

        assertThatThrownBy(() -> manager.start(ServiceContext.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("alert handler manager is already started");
    }

    private static AlertHandler closeCounting(String name, CountDownLatch closed) {
        return new RecordingHandler(name) {
            @Override
            public void close() {
                closed.countDown();
            }
        };
    }
}
