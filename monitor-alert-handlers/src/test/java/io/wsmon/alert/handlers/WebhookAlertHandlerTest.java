package io.wsmon.alert.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.core.alert.TestAlerts;
import io.wsmon.core.ServiceContext;
import io.wsmon.core.alert.delivery.AlertHandlerManager;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookAlertHandlerTest {

    private final LoopbackHttpServer server = new LoopbackHttpServer();

    WebhookAlertHandlerTest() throws IOException {}

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void handle_alert_postsItsJsonWithCustomHeaders() throws Exception {
        WebhookAlertHandler handler = WebhookAlertHandler.builder(server.url("/webhook/alerts"))
                .header("Authorization", "Bearer token123")
                .header("X-Source", "wsmon")
                .build();

        handler.handle(TestAlerts.diskCritical());

        LoopbackHttpServer.Request request = server.next();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/webhook/alerts");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer token123");
        assertThat(request.headers().getFirst("X-Source")).isEqualTo("wsmon");
        assertThat(request.body()).isEqualTo("{\"timestamp\":\"2026-01-03T10:15:30.123456+01:00\",\"component\":\"disk\","
                + "\"metric\":\"usage_percent\",\"resource\":\"/data\",\"value\":96.2,\"threshold\":95.0,"
                + "\"level\":\"CRITICAL\",\"message\":\"Critical disk usage: 96.2% (threshold: 95.0%)\"}");
    }

    @Test
    void handle_alertWithoutResource_leavesTheFieldOut() throws Exception {
        WebhookAlertHandler.builder(server.url("/hook")).build().handle(TestAlerts.memoryWarning());

        assertThat(server.next().json()).doesNotContainKey("resource").containsEntry("level", "WARNING");
    }

    @Test
    void handle_serverAnswers500_failsNamingTheStatus() {
        server.answering(500, "boom");
        WebhookAlertHandler handler = WebhookAlertHandler.builder(server.url("/hook")).build();

        assertThatThrownBy(() -> handler.handle(TestAlerts.memoryWarning()))
                .isInstanceOf(IOException.class)
                .hasMessage("webhook " + server.url("/hook") + " answered HTTP 500: boom");
    }

    @Test
    void handle_serverSlowerThanTimeout_failsWithATimeout() {
        server.holdingAnswers();
        WebhookAlertHandler handler = WebhookAlertHandler.builder(server.url("/hook"))
                .timeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(() -> handler.handle(TestAlerts.memoryWarning())).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void manager_webhookAnswers500_countsAnErrorAndReportsFailure() throws Exception {
        server.answering(500, "");
        try (AlertHandlerManager manager = new AlertHandlerManager()) {
            manager.add(WebhookAlertHandler.builder(server.url("/hook")).name("ops-webhook").build());
            manager.start(ServiceContext.defaults());

            Map<String, Boolean> results = manager.handle(TestAlerts.memoryWarning()).get(15, TimeUnit.SECONDS);

            assertThat(results).containsExactly(Map.entry("ops-webhook", false));
            assertThat(manager.statistics().totalErrors()).isEqualTo(1);
        }
    }

    @Test
    void builder_urlWithoutScheme_isRejectedNamingIt() {
        assertThatThrownBy(() -> WebhookAlertHandler.builder("api.example.com/hook"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("url: must start with http:// or https://, got 'api.example.com/hook'");
    }

    @Test
    void builder_urlWithSpace_isRejected() {
        assertThatThrownBy(() -> WebhookAlertHandler.builder("https://api.example .com/hook"))
                .isInstanceOf(IllegalArgumentException.class)
                // the index differs between JDKs
                .hasMessageStartingWith("url: must be a valid URL (Illegal character in authority at index ")
                .hasMessageEndingWith("), got 'https://api.example .com/hook'");
    }

    @Test
    void builder_urlWithoutHost_isRejected() {
        assertThatThrownBy(() -> WebhookAlertHandler.builder("https:///hook"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("url: must name a host, got 'https:///hook'");
    }

    @Test
    void builder_restrictedHeader_isRejectedNamingIt() {
        assertThatThrownBy(() -> WebhookAlertHandler.builder(server.url("/hook")).header("Host", "evil.example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("header Host: may not be set (restricted header name");
    }

    @Test
    void builder_headerValueWithLineBreak_isRejected() {
        assertThatThrownBy(() -> WebhookAlertHandler.builder(server.url("/hook")).header("X-Token", "a\r\nInjected: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header X-Token: the value must not hold line breaks or other control characters");
    }

    @Test
    void builder_zeroTimeout_isRejected() {
        assertThatThrownBy(() -> WebhookAlertHandler.builder(server.url("/hook")).timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout: must be positive, got 0ms");
    }

    @Test
    void start_settings_postsToTheUrlWithTheHeaders() throws Exception {
        WebhookAlertHandler handler = new WebhookAlertHandler();
        handler.start(Settings.of("alert.webhook.url", server.url("/from-settings"),
                "alert.webhook.header.Authorization", "Bearer token123",
                "alert.webhook.header.X-Source", "wsmon"));

        handler.handle(TestAlerts.memoryWarning());

        LoopbackHttpServer.Request request = server.next();
        assertThat(handler.name()).isEqualTo("webhook");
        assertThat(request.path()).isEqualTo("/from-settings");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer token123");
        assertThat(request.headers().getFirst("X-Source")).isEqualTo("wsmon");
        assertThat(request.json()).containsEntry("component", "memory").containsEntry("level", "WARNING");
    }

    @Test
    void start_timeoutSetting_cutsASlowAnswerShort() throws Exception {
        server.holdingAnswers();
        WebhookAlertHandler handler = new WebhookAlertHandler();
        handler.start(Settings.of("alert.webhook.url", server.url("/hook"), "alert.webhook.timeout", "0.3"));

        assertThatThrownBy(() -> handler.handle(TestAlerts.memoryWarning())).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void start_noWebhookSetting_isNotConfigured() {
        assertThatThrownBy(() -> new WebhookAlertHandler().start(Settings.of("alert.slack.url", server.url("/slack"))))
                .isInstanceOf(MonitorUnavailableException.class)
                .hasMessage("alert.webhook.url is not set");
    }

    @Test
    void start_otherSettingsButNoUrl_failsNamingTheMissingKey() {
        assertThatThrownBy(() -> new WebhookAlertHandler().start(Settings.of("alert.webhook.timeout", "5",
                        "alert.webhook.header.Authorization", "Bearer token123")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert.webhook.url is not set, but alert.webhook.header.Authorization, alert.webhook.timeout are");
    }

    @Test
    void start_malformedUrlSetting_failsWithTheBuilderMessageUnderTheKey() {
        assertThatThrownBy(() -> new WebhookAlertHandler().start(Settings.of("alert.webhook.url", "api.example.com/hook")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert.webhook.url: must start with http:// or https://, got 'api.example.com/hook'");
    }

    @Test
    void start_zeroTimeoutSetting_failsWithTheBuilderMessageUnderTheKey() {
        assertThatThrownBy(() -> new WebhookAlertHandler().start(Settings.of("alert.webhook.url", server.url("/hook"),
                        "alert.webhook.timeout", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert.webhook.timeout: must be positive, got 0ms");
    }

    @Test
    void start_timeoutSettingNotANumber_failsNamingTheKey() {
        assertThatThrownBy(() -> new WebhookAlertHandler().start(Settings.of("alert.webhook.url", server.url("/hook"),
                        "alert.webhook.timeout", "10s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert.webhook.timeout: must be a number of seconds, got '10s'");
    }

    @Test
    void start_restrictedHeaderSetting_failsNamingTheKey() {
        assertThatThrownBy(() -> new WebhookAlertHandler().start(Settings.of("alert.webhook.url", server.url("/hook"),
                        "alert.webhook.header.Host", "evil.example")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("alert.webhook.header.Host: may not be set (restricted header name");
    }

    @Test
    void start_unknownSetting_failsListingTheKnownOnes() {
        assertThatThrownBy(() -> new WebhookAlertHandler().start(Settings.of("alert.webhook.url", server.url("/hook"),
                        "alert.webhook.timeout_ms", "500")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert.webhook.timeout_ms: unknown setting of the webhook alert handler; known settings: "
                        + "alert.webhook.url, alert.webhook.timeout, alert.webhook.header.<name>");
    }

    @Test
    void start_builtHandler_ignoresTheSettings() throws Exception {
        WebhookAlertHandler handler = WebhookAlertHandler.builder(server.url("/built")).build();
        handler.start(Settings.of("alert.webhook.url", "not a url", "alert.webhook.timeout", "0"));

        handler.handle(TestAlerts.memoryWarning());

        assertThat(server.next().path()).isEqualTo("/built");
    }

    @Test
    void handle_noArgumentHandlerNotStarted_failsSayingWhereItsSettingsComeFrom() {
        assertThatThrownBy(() -> new WebhookAlertHandler().handle(TestAlerts.memoryWarning()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the webhook alert handler is not configured: one made with the no-argument constructor"
                        + " reads its alert.webhook.* settings in start(context)");
    }

    @Test
    void builder_timeoutSetTwice_isRejectedNamingBothValues() {
        WebhookAlertHandler.Builder builder = WebhookAlertHandler.builder(server.url("/hook")).timeout(Duration.ofSeconds(1));

        assertThatThrownBy(() -> builder.timeout(Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("timeout: already set to 1s, got 2s");
    }

    @Test
    void builder_nameSetTwice_isRejectedNamingBothValues() {
        WebhookAlertHandler.Builder builder = WebhookAlertHandler.builder(server.url("/hook")).name("ops");

        assertThatThrownBy(() -> builder.name("dev"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("name: already set to 'ops', got 'dev'");
    }

    @Test
    void builder_blankName_isRejected() {
        assertThatThrownBy(() -> WebhookAlertHandler.builder(server.url("/hook")).name(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name: must not be blank, got ' '");
    }

    @Test
    void builder_headerSetTwiceInAnotherCase_isRejectedWithoutShowingTheValues() {
        WebhookAlertHandler.Builder builder = WebhookAlertHandler.builder(server.url("/hook"))
                .header("Authorization", "Bearer first-secret");

        assertThatThrownBy(() -> builder.header("authorization", "Bearer second-secret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("header authorization: already set");
    }
}
