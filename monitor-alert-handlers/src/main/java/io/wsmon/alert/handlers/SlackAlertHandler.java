package io.wsmon.alert.handlers;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;
import io.wsmon.api.AlertLevel;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.MonitorUnavailableException;
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
 *
 * <p>Made with the no-argument constructor (as {@link java.util.ServiceLoader} does when the class is listed in
 * {@code META-INF/services/io.wsmon.api.AlertHandler}), the handler is named {@code slack} and reads these
 * service settings in {@link #start}, checked as the builder checks them:
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code alert.slack.url}</td><td>the incoming webhook's URL; without it the handler is not
 *       configured and is left out</td><td>required</td></tr>
 *   <tr><td>{@code alert.slack.channel}</td><td>the channel to post to instead of the webhook's own, for
 *       example {@code #monitoring}</td><td>the webhook's</td></tr>
 *   <tr><td>{@code alert.slack.username}</td><td>the name shown as the sender</td><td>the webhook's</td></tr>
 *   <tr><td>{@code alert.slack.timeout}</td><td>seconds to wait for connecting and for the answer; a
 *       decimal number above 0</td><td>{@code 10}</td></tr>
 * </table>
 */
public final class SlackAlertHandler implements AlertHandler {

    private static final String KIND = "slack";

    private final String name;
    private final Configuration<Target> target;

    /**
     * Where and as whom messages are posted.
     *
     * @param channel the channel, or null for the webhook's own
     * @param username the sender's name, or null for the webhook's own
     * @param post the transport
     */
    private record Target(String channel, String username, JsonPost post) {
        @Override
        public String toString() {
            return post.toString();
        }
    }

    /** A handler named {@code slack} that reads its {@code alert.slack.*} settings in {@link #start}. */
    public SlackAlertHandler() {
        this.name = KIND;
        this.target = Configuration.fromSettings(KIND);
    }

    private SlackAlertHandler(Builder builder) {
        this.name = builder.name == null ? KIND : builder.name;
        this.target = Configuration.of(KIND, builder.target());
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

    /**
     * Reads the {@code alert.slack.*} settings, when the handler was made with the no-argument constructor.
     *
     * @param context the service's settings
     * @throws MonitorUnavailableException when no {@code alert.slack.*} setting is given: not configured
     * @throws IllegalArgumentException naming the key of a missing, unknown or bad setting
     */
    @Override
    public void start(MonitorContext context) throws MonitorUnavailableException {
        target.start(context, SlackAlertHandler::fromSettings);
    }

    private static Target fromSettings(MonitorContext context) throws MonitorUnavailableException {
        HandlerSettings settings = HandlerSettings.read(context, KIND, "url", "channel", "username", "timeout");
        Builder builder = settings.required("url", SlackAlertHandler::builder);
        settings.optional("channel", builder::channel);
        settings.optional("username", builder::username);
        settings.optional("timeout", SettingValues::seconds, builder::timeout);
        return builder.target();
    }

    /**
     * Posts the alert's message and waits for a 2xx answer, at most the timeout.
     *
     * @throws IOException when the request fails, times out or is answered outside 2xx
     * @throws IllegalStateException when made with the no-argument constructor and not started
     */
    @Override
    public void handle(Alert alert) throws IOException, InterruptedException {
        Target current = target.get();
        current.post().send(AlertJson.encode(payload(current, alert)));
    }

    /**
     * @param target where and as whom it is posted
     * @param alert an alert
     * @return the incoming-webhook message for it
     */
    private static Map<String, Object> payload(Target target, Alert alert) {
        Map<String, Object> message = new LinkedHashMap<>();
        if (target.channel() != null) {
            message.put("channel", target.channel());
        }
        if (target.username() != null) {
            message.put("username", target.username());
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
        return "SlackAlertHandler[" + name + ", " + target + "]";
    }

    /**
     * Configures a {@link SlackAlertHandler}. Each setter checks its value at once and may be called only once; a
     * bad value fails as {@code option: problem, got value}.
     */
    public static final class Builder {
        private final URI url;
        private String name;
        private String channel;
        private String username;
        private Duration timeout;

        private Builder(String url) {
            this.url = JsonPost.url("url", url);
        }

        /**
         * @param value the handler's name; default {@code "slack"}
         * @return this builder
         * @throws IllegalArgumentException when blank
         * @throws IllegalStateException when already set
         */
        public Builder name(String value) {
            Options.once("name", name, value);
            name = Options.notBlank("name", value);
            return this;
        }

        /**
         * @param value the channel to post to instead of the webhook's own, for example {@code "#monitoring"}
         * @return this builder
         * @throws IllegalArgumentException when blank
         * @throws IllegalStateException when already set
         */
        public Builder channel(String value) {
            Options.once("channel", channel, value);
            channel = Options.notBlank("channel", value);
            return this;
        }

        /**
         * @param value the name shown as the sender, for example {@code "MonitoringBot"}
         * @return this builder
         * @throws IllegalArgumentException when blank
         * @throws IllegalStateException when already set
         */
        public Builder username(String value) {
            Options.once("username", username, value);
            username = Options.notBlank("username", value);
            return this;
        }

        /**
         * @param value how long to wait for connecting and for the answer; default 10 s
         * @return this builder
         * @throws IllegalArgumentException when not positive
         * @throws IllegalStateException when already set
         */
        public Builder timeout(Duration value) {
            Options.once("timeout", timeout, value);
            timeout = JsonPost.timeout("timeout", value);
            return this;
        }

        /** @return the handler */
        public SlackAlertHandler build() {
            return new SlackAlertHandler(this);
        }

        private Target target() {
            return new Target(channel, username, new JsonPost("Slack webhook", url, Map.of(),
                    timeout == null ? JsonPost.DEFAULT_TIMEOUT : timeout));
        }
    }
}
