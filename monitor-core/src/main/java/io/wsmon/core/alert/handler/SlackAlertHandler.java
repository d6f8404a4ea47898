package io.wsmon.core.alert.handler;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;
import io.wsmon.api.AlertLevel;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Posts each alert to a Slack incoming webhook, as the seed's {@code SlackAlertHandler}: a message whose emoji
 * and attachment colour follow the level (WARNING {@code :warning:} and {@code warning} amber, CRITICAL
 * {@code :rotating_light:} and {@code danger} red), with the component, metric, resource, value and threshold
 * as fields.
 *
 * <pre>{@code
 * SlackAlertHandler.builder("https://hooks.slack.com/services/YOUR/WEBHOOK/URL")
 *         .channel("#monitoring")
 *         .username("MonitoringBot")
 *         .build();
 * }</pre>
 */
public final class SlackAlertHandler implements AlertHandler {

    private final String name;
    private final String channel;
    private final String username;
    private final JsonPost post;

    private SlackAlertHandler(Builder builder) {
        this.name = builder.name;
        this.channel = builder.channel;
        this.username = builder.username;
        this.post = new JsonPost("Slack webhook", builder.url, Map.of(), builder.timeout);
    }

    /**
     * @param webhookUrl the incoming webhook's URL
     * @return a builder
     * @throws IllegalArgumentException when the URL is malformed
     */
    public static Builder builder(String webhookUrl) {
        return new Builder(webhookUrl);
    }

    /**
     * @param level a level
     * @return the Slack emoji code shown for it
     */
    public static String emoji(AlertLevel level) {
        return level == AlertLevel.CRITICAL ? ":rotating_light:" : ":warning:";
    }

    /**
     * @param level a level
     * @return the attachment colour for it: Slack's {@code warning} (amber) or {@code danger} (red)
     */
    public static String colour(AlertLevel level) {
        return level == AlertLevel.CRITICAL ? "danger" : "warning";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void handle(Alert alert) throws IOException, InterruptedException {
        post.send(AlertJson.encode(payload(alert)));
    }

    /**
     * @param alert an alert
     * @return the incoming-webhook message for it
     */
    Map<String, Object> payload(Alert alert) {
        Map<String, Object> message = new LinkedHashMap<>();
        if (channel != null) {
            message.put("channel", channel);
        }
        if (username != null) {
            message.put("username", username);
        }
        message.put("icon_emoji", emoji(alert.level()));
        message.put("text", emoji(alert.level()) + " *" + alert.level() + "*: " + alert.message());
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("color", colour(alert.level()));
        attachment.put("fallback", alert.level() + ": " + alert.message());
        attachment.put("title", alert.level() + " " + alert.component() + " " + alert.metric());
        attachment.put("text", alert.message());
        attachment.put("fields", fields(alert));
        attachment.put("ts", alert.timestamp().toEpochSecond());
        message.put("attachments", List.of(attachment));
        return message;
    }

    private static List<Map<String, Object>> fields(Alert alert) {
        List<Map<String, Object>> fields = new ArrayList<>();
        fields.add(field("Component", alert.component()));
        fields.add(field("Metric", alert.metric()));
        if (alert.resource() != null) {
            fields.add(field("Resource", alert.resource()));
        }
        fields.add(field("Value", String.format(Locale.ROOT, "%.1f", alert.value())));
        fields.add(field("Threshold", String.format(Locale.ROOT, "%.1f", alert.threshold())));
        return fields;
    }

    private static Map<String, Object> field(String title, String value) {
        return Map.of("title", title, "value", value, "short", true);
    }

    @Override
    public String toString() {
        return "SlackAlertHandler[" + name + ", " + post + "]";
    }

    /** Configures a {@link SlackAlertHandler}; each setter checks its value at once. */
    public static final class Builder {
        private final URI url;
        private String name = "slack";
        private String channel;
        private String username;
        private Duration timeout = JsonPost.DEFAULT_TIMEOUT;

        private Builder(String url) {
            this.url = JsonPost.url("Slack webhook URL", url);
        }

        /**
         * @param value the handler's name; default {@code "slack"}
         * @return this builder
         */
        public Builder name(String value) {
            name = Options.notBlank("alert handler name", value);
            return this;
        }

        /**
         * @param value the channel to post to instead of the webhook's own, for example {@code "#monitoring"}
         * @return this builder
         * @throws IllegalArgumentException when blank
         */
        public Builder channel(String value) {
            channel = Options.notBlank("Slack channel", value);
            return this;
        }

        /**
         * @param value the name shown as the sender, for example {@code "MonitoringBot"}
         * @return this builder
         * @throws IllegalArgumentException when blank
         */
        public Builder username(String value) {
            username = Options.notBlank("Slack username", value);
            return this;
        }

        /**
         * @param value how long to wait for connecting and for the answer; default 10 s
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder timeout(Duration value) {
            timeout = JsonPost.timeout("Slack webhook timeout", value);
            return this;
        }

        /** @return the handler */
        public SlackAlertHandler build() {
            return new SlackAlertHandler(this);
        }
    }
}
