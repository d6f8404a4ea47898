package io.wsmon.alert.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.wsmon.api.AlertHandler;
import io.wsmon.api.MemoryInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.core.Extensions;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.MonitoringServiceBuilder;
import io.wsmon.core.alert.AlertRule;
import io.wsmon.core.testing.Await;
import io.wsmon.core.testing.FakeMonitor;
import io.wsmon.core.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in handlers listed in the test-only {@code META-INF/services/io.wsmon.api.AlertHandler}, found by a
 * running service and configured only by its settings.
 */
class BuiltInHandlerDiscoveryTest {

    private static final long GB = 1024L * 1024 * 1024;
    private static final String MESSAGE = "High memory usage: 50.0% (threshold: 10.0%)";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(true);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-03T09:15:30Z"), ZoneOffset.ofHours(1));
    private final LoopbackHttpServer webhook = new LoopbackHttpServer();
    private final LoopbackHttpServer slack = new LoopbackHttpServer();
    private MonitoringService service;

    BuiltInHandlerDiscoveryTest() throws IOException {}

    @AfterEach
    void stop() {
        if (service != null) {
            service.stop();
        }
        webhook.close();
        slack.close();
    }

    /**
     * A service with discovery on whose only section is memory at 50 %, above a 10 % warning threshold, so the
     * first tick raises an alert. The discovered console handler is left out to keep the test output clean.
     */
    private MonitoringServiceBuilder builder() {
        FakeMonitor memory = new FakeMonitor("memory", () -> new MemoryInfo(16 * GB, 8 * GB, 8 * GB, 50.0, null));
        return MonitoringService.builder().interval(Duration.ofMillis(500)).clock(clock).ticker(clock)
                .onlyMonitors("memory").disable("memory", "console").monitor(memory)
                .alertRule(AlertRule.above("memory", "usage_percent").warning(10).critical(95));
    }

    private Snapshot firstTick() {
        Await.until("the first tick", () -> service.currentSnapshot().isPresent());
        return service.currentSnapshot().orElseThrow();
    }

    @Test
    void load_builtInHandlersListed_makesEachNamedAfterItsKind() {
        List<AlertHandler> handlers = Extensions.load(AlertHandler.class, getClass().getClassLoader());

        assertThat(handlers).extracting(AlertHandler::name).containsExactly("console", "file", "email", "webhook", "slack");
        assertThat(handlers).hasExactlyElementsOfTypes(ConsoleAlertHandler.class, FileAlertHandler.class,
                EmailAlertHandler.class, WebhookAlertHandler.class, SlackAlertHandler.class);
    }

    @Test
    void start_settingsForTheFourBuiltInHandlers_discoversThemAndEachDeliversTheFirstTicksAlert() throws Exception {
        Path log = dir.resolve("alerts.log");
        service = builder()
                .setting("alert.file.path", log.toString())
                .setting("alert.email.server", "smtp://127.0.0.1:" + MAIL.getSmtp().getPort())
                .setting("alert.email.security", "none")
                .setting("alert.email.from", "monitor@example.com")
                .setting("alert.email.to", "admin@example.com")
                .setting("alert.webhook.url", webhook.url("/hook"))
                .setting("alert.webhook.header.Authorization", "Bearer token123")
                .setting("alert.slack.url", slack.url("/services/T/B/X"))
                .setting("alert.slack.channel", "#monitoring")
                .start();

        assertThat(firstTick().alerts()).extracting(alert -> alert.message()).containsExactly(MESSAGE);
        assertThat(service.alerts().handlers().names())
                .containsExactly("file", "email", "webhook", "slack");

        LoopbackHttpServer.Request posted = webhook.next();
        assertThat(posted.headers().getFirst("Authorization")).isEqualTo("Bearer token123");
        assertThat(posted.json()).containsEntry("message", MESSAGE).containsEntry("timestamp", "2026-01-03T10:15:30.000000+01:00");
        assertThat(slack.next().json()).containsEntry("channel", "#monitoring")
                .containsEntry("text", ":warning: *WARNING*: " + MESSAGE);
        assertThat(MAIL.waitForIncomingEmail(5_000, 1)).as("mail within 5 s").isTrue();
        assertThat(MAIL.getReceivedMessages()[0].getSubject()).isEqualTo("[wsmon] WARNING: " + MESSAGE);
        Await.until("the file handler's line", () -> service.alerts().handlers().statistics().handler("file")
                .orElseThrow().handled() == 1);
        assertThat(Files.readAllLines(log)).containsExactly(
                "2026-01-03T10:15:30.000000+01:00 [WARNING] memory usage_percent: " + MESSAGE);
    }

    @Test
    void start_webhookConfiguredSlackMisconfiguredOthersUnset_addsOnlyTheWebhookAndItDelivers() throws Exception {
        service = builder()
                .setting("alert.webhook.url", webhook.url("/hook"))
                .setting("alert.slack.url", "hooks.slack.com/services/T/B/X")
                .start();

        firstTick();

        assertThat(service.alerts().handlers().names()).containsExactly("webhook");
        assertThat(webhook.next().json()).containsEntry("message", MESSAGE);
    }

    @Test
    void disable_aConfiguredBuiltInHandler_leavesItOut() throws Exception {
        service = builder()
                .setting("alert.webhook.url", webhook.url("/hook"))
                .setting("alert.slack.url", slack.url("/services/T/B/X"))
                .disable("slack")
                .start();

        firstTick();

        assertThat(service.alerts().handlers().names()).containsExactly("webhook");
    }
}
