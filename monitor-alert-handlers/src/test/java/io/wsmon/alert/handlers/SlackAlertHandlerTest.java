package io.wsmon.alert.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.core.alert.TestAlerts;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackAlertHandlerTest {

    private final LoopbackHttpServer server = new LoopbackHttpServer();

    SlackAlertHandlerTest() throws IOException {}

    @AfterEach
    void stop() {
        server.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attachment(Map<String, Object> message) {
        return ((List<Map<String, Object>>) message.get("attachments")).get(0);
    }

    @Test
    void handle_warning_postsAmberAttachmentWithWarningEmoji() throws Exception {
        SlackAlertHandler handler = SlackAlertHandler.builder(server.url("/services/T/B/X"))
                .channel("#monitoring").username("MonitoringBot").build();

        handler.handle(TestAlerts.memoryWarning());

        LoopbackHttpServer.Request request = server.next();
        assertThat(request.path()).isEqualTo("/services/T/B/X");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
        Map<String, Object> message = request.json();
        assertThat(message).containsEntry("channel", "#monitoring")
                .containsEntry("username", "MonitoringBot")
                .containsEntry("icon_emoji", ":warning:")
                .containsEntry("text", ":warning: *WARNING*: High memory usage: 85.5% (threshold: 80.0%)");
        assertThat(attachment(message)).containsEntry("color", "warning")
                .containsEntry("title", "WARNING memory usage_percent")
                .containsEntry("ts", 1767431730)
                .containsEntry("fields", List.of(
                        Map.of("title", "Component", "value", "memory", "short", true),
                        Map.of("title", "Metric", "value", "usage_percent", "short", true),
                        Map.of("title", "Value", "value", "85.5", "short", true),
                        Map.of("title", "Threshold", "value", "80.0", "short", true)));
    }

    @Test
    void handle_critical_postsRedAttachmentWithSirenAndResource() throws Exception {
        SlackAlertHandler.builder(server.url("/hook")).build().handle(TestAlerts.diskCritical());

        Map<String, Object> message = server.next().json();
        assertThat(message).containsEntry("icon_emoji", ":rotating_light:").doesNotContainKeys("channel", "username");
        assertThat(attachment(message)).containsEntry("color", "danger")
                .containsEntry("text", "Critical disk usage: 96.2% (threshold: 95.0%)");
        assertThat(attachment(message).get("fields").toString()).contains("title=Resource", "value=/data");
    }

    @Test
    void handle_slackRejectsPayload_failsWithSlacksAnswer() {
        server.answering(400, "invalid_payload");
        SlackAlertHandler handler = SlackAlertHandler.builder(server.url("/hook")).build();

        assertThatThrownBy(() -> handler.handle(TestAlerts.memoryWarning()))
                .isInstanceOf(IOException.class)
                .hasMessage("Slack webhook " + server.url("/hook") + " answered HTTP 400: invalid_payload");
    }

    @Test
    void builder_malformedUrl_isRejectedNamingIt() {
        assertThatThrownBy(() -> SlackAlertHandler.builder("hooks.slack.com/services/X"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("url: must start with http:// or https://, got 'hooks.slack.com/services/X'");
    }

    @Test
    void builder_blankChannel_isRejected() {
        assertThatThrownBy(() -> SlackAlertHandler.builder(server.url("/hook")).channel(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel: must not be blank, got ' '");
    }

    @Test
    void start_settings_postsToTheUrlAsTheUserInTheChannel() throws Exception {
        SlackAlertHandler handler = new SlackAlertHandler();
        handler.start(Settings.of("alert.slack.url", server.url("/services/T/B/X"), "alert.slack.channel", "#monitoring",
                "alert.slack.username", "MonitoringBot", "alert.slack.timeout", "5"));

        handler.handle(TestAlerts.diskCritical());

        LoopbackHttpServer.Request request = server.next();
        assertThat(handler.name()).isEqualTo("slack");
        assertThat(request.path()).isEqualTo("/services/T/B/X");
        assertThat(request.json()).containsEntry("channel", "#monitoring").containsEntry("username", "MonitoringBot")
                .containsEntry("icon_emoji", ":rotating_light:");
    }

    @Test
    void start_malformedUrlSetting_failsWithTheBuilderMessageUnderTheKey() {
        assertThatThrownBy(() -> new SlackAlertHandler().start(Settings.of("alert.slack.url", "hooks.slack.com/services/X")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert.slack.url: must start with http:// or https://, got 'hooks.slack.com/services/X'");
    }

    @Test
    void start_blankChannelSetting_failsWithTheBuilderMessageUnderTheKey() {
        assertThatThrownBy(() -> new SlackAlertHandler().start(Settings.of("alert.slack.url", server.url("/hook"),
                        "alert.slack.channel", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert.slack.channel: must not be blank, got ' '");
    }

    @Test
    void builder_channelSetTwice_isRejectedNamingBothValues() {
        SlackAlertHandler.Builder builder = SlackAlertHandler.builder(server.url("/hook")).channel("#monitoring");

        assertThatThrownBy(() -> builder.channel("#ops"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("channel: already set to '#monitoring', got '#ops'");
    }

    @Test
    void builder_usernameSetTwice_isRejectedNamingBothValues() {
        SlackAlertHandler.Builder builder = SlackAlertHandler.builder(server.url("/hook")).username("MonitoringBot");

        assertThatThrownBy(() -> builder.username("Other"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("username: already set to 'MonitoringBot', got 'Other'");
    }

    @Test
    void builder_timeoutSetTwice_isRejectedNamingBothValues() {
        SlackAlertHandler.Builder builder = SlackAlertHandler.builder(server.url("/hook")).timeout(Duration.ofSeconds(5));

        assertThatThrownBy(() -> builder.timeout(Duration.ofMillis(500)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("timeout: already set to 5s, got 500ms");
    }

    @Test
    void builder_negativeTimeout_isRejected() {
        assertThatThrownBy(() -> SlackAlertHandler.builder(server.url("/hook")).timeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout: must be positive, got -1s");
    }

    @Test
    void builder_blankUsername_isRejected() {
        assertThatThrownBy(() -> SlackAlertHandler.builder(server.url("/hook")).username(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("username: must not be blank, got ''");
    }
}
