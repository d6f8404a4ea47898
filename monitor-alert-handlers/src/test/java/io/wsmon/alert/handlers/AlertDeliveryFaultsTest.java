package io.wsmon.alert.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertLevel;
import io.wsmon.core.ServiceContext;
import io.wsmon.core.alert.RecordingHandler;
import io.wsmon.core.alert.TestAlerts;
import io.wsmon.core.alert.delivery.AlertHandlerManager;
import io.wsmon.core.alert.delivery.HandlerStatistics;
import io.wsmon.core.testing.Await;
import io.wsmon.core.testing.LogCapture;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Alert delivery when the far end fails: an SMTP server that is down and a webhook that never answers
 * (whether its connect or its answer times out, it is one problem, logged once). The other handlers get
 * every alert at once, and each failure is counted and logged once.
 */
class AlertDeliveryFaultsTest {

    private static final List<Alert> ALERTS = List.of(TestAlerts.memoryWarning(), TestAlerts.diskCritical(),
            TestAlerts.of("cpu", AlertLevel.WARNING));

    @Test
    void smtpServerDown_everyDeliveryFailsCountedAndLoggedOnce_otherHandlersUndelayed() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort(); // free once closed: connections to it are refused
        }
        RecordingHandler recording = new RecordingHandler("recording");
        try (LogCapture log = LogCapture.start(); AlertHandlerManager manager = new AlertHandlerManager()) {
            manager.add(EmailAlertHandler.builder().name("ops-mail").host("127.0.0.1").port(closedPort)
                    .security(EmailAlertHandler.Security.NONE).from("wsmon@example.com").to("ops@example.com")
                    .timeout(Duration.ofSeconds(2)).build());
            manager.add(recording);
            manager.start(ServiceContext.defaults());

            ALERTS.forEach(manager::submit);

            assertThat(recording.next(ALERTS.size())).containsExactlyElementsOf(ALERTS);
            Await.until("three failed deliveries", () -> errors(manager, "ops-mail") == ALERTS.size());
            assertThat(log.lines("WARN", "alert handler 'ops-mail'")).hasSize(1);
            assertThat(errors(manager, "recording")).isZero();
        }
    }

    @Test
    void webhookHangs_everyDeliveryTimesOutCountedAndLoggedOnce_otherHandlersUndelayed() throws Exception {
        RecordingHandler recording = new RecordingHandler("recording");
        try (LoopbackHttpServer hook = new LoopbackHttpServer().holdingAnswers();
                LogCapture log = LogCapture.start();
                AlertHandlerManager manager = new AlertHandlerManager()) {
            manager.add(WebhookAlertHandler.builder(hook.url("/hook")).name("ops-webhook")
                    .timeout(Duration.ofMillis(300)).build());
            manager.add(recording);
            manager.start(ServiceContext.defaults());
            long start = System.nanoTime();

            ALERTS.forEach(manager::submit);

            assertThat(recording.next(ALERTS.size())).containsExactlyElementsOf(ALERTS);
            // whether a request reaches the held webhook before its 300 ms run out depends on the machine's
            // load (the JDK's HTTP client loads its classes at the first delivery), so only the outcome is checked
            Await.until("three timed-out deliveries", Duration.ofSeconds(30),
                    () -> errors(manager, "ops-webhook") == ALERTS.size());
            assertThat(System.nanoTime() - start).as("each delivery given up after its 300 ms timeout")
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(3 * 300));
            assertThat(log.lines("WARN", "alert handler 'ops-webhook'")).singleElement().asString()
                    .contains("did not answer within 300 ms");
        }
    }

    private static long errors(AlertHandlerManager manager, String handler) {
        return manager.statistics().handler(handler).map(HandlerStatistics::errors).orElse(-1L);
    }
}
