package io.wsmon.alert.handlers;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.MonitorUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POSTs each alert as JSON to a URL, as the seed's {@code WebhookAlertHandler}: the body is the alert as in
 * the snapshot's {@code alerts} array ({@code timestamp, component, metric, resource, value, threshold, level,
 * message}), with {@code Content-Type: application/json} and any custom headers. A response outside 2xx or no
 * response within the timeout (10 s by default) is a failed delivery.
 *
 * <pre>{@code
 * WebhookAlertHandler.builder("https://api.example.com/webhook/alerts")
 *         .header("Authorization", "Bearer token123")
 *         .timeout(Duration.ofSeconds(10))
 *         .build();
 * }</pre>
 *
 * <p>Made with the no-argument constructor (as {@link java.util.ServiceLoader} does when the class is listed in
 * {@code META-INF/services/io.wsmon.api.AlertHandler}), the handler is named {@code webhook} and reads these
 * service settings in {@link #start}, checked as the builder checks them:
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code alert.webhook.url}</td><td>the http or https URL to POST to; without it the handler is
 *       not configured and is left out</td><td>required</td></tr>
 *   <tr><td>{@code alert.webhook.timeout}</td><td>seconds to wait for connecting and for the answer; a
 *       decimal number above 0</td><td>{@code 10}</td></tr>
 *   <tr><td>{@code alert.webhook.header.<Name>}</td><td>a header sent with every request, for example
 *       {@code alert.webhook.header.Authorization=Bearer token123}</td><td>none</td></tr>
 * </table>
 */
public final class WebhookAlertHandler implements AlertHandler {

    private static final String KIND = "webhook";

    private final String name;
    private final Configuration<JsonPost> post;

    /** A handler named {@code webhook} that reads its {@code alert.webhook.*} settings in {@link #start}. */
    public WebhookAlertHandler() {
        this.name = KIND;
        this.post = Configuration.fromSettings(KIND);
    }

    private WebhookAlertHandler(Builder builder) {
        this.name = builder.name == null ? KIND : builder.name;
        this.post = Configuration.of(KIND, builder.post());
    }

    /**
     * @param url the http or https URL to POST to
     * @return a builder
     * @throws IllegalArgumentException when the URL is malformed
     */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Reads the {@code alert.webhook.*} settings, when the handler was made with the no-argument constructor.
     *
     * @param context the service's settings
     * @throws MonitorUnavailableException when no {@code alert.webhook.*} setting is given: not configured
     * @throws IllegalArgumentException naming the key of a missing, unknown or bad setting
     */
    @Override
    public void start(MonitorContext context) throws MonitorUnavailableException {
        post.start(context, WebhookAlertHandler::fromSettings);
    }

    private static JsonPost fromSettings(MonitorContext context) throws MonitorUnavailableException {
        HandlerSettings settings = HandlerSettings.read(context, KIND, "url", "timeout", "header.");
        Builder builder = settings.required("url", WebhookAlertHandler::builder);
        settings.optional("timeout", SettingValues::seconds, builder::timeout);
        settings.each("header.", builder::header);
        return builder.post();
    }

    /**
     * POSTs the alert's JSON and waits for a 2xx answer, at most the timeout.
     *
     * @throws IOException when the request fails, times out or is answered outside 2xx
     * @throws IllegalStateException when made with the no-argument constructor and not started
     */
    @Override
    public void handle(Alert alert) throws IOException, InterruptedException {
        post.get().send(AlertJson.encode(alert));
    }

    @Override
    public String toString() {
        return "WebhookAlertHandler[" + name + ", " + post + "]";
    }

    /**
     * Configures a {@link WebhookAlertHandler}. Each setter checks its value at once and may be called only once
     * ({@link #header} once per header name); a bad value fails as {@code option: problem, got value}.
     */
    public static final class Builder {
        private final URI url;
        private String name;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration timeout;

        private Builder(String url) {
            this.url = JsonPost.url("url", url);
        }

        /**
         * @param value the handler's name; default {@code "webhook"}
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
         * Adds a header sent with every request, for example {@code Authorization}.
         *
         * @param headerName the header name
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException when the header may not be set (Host, Content-Length, ...) or holds
         *     bad characters
         * @throws IllegalStateException when a header of that name, in any case, is already set
         */
        public Builder header(String headerName, String value) {
            JsonPost.checkHeader(headerName, value);
            Options.onceSecret("header " + headerName, headers.keySet().stream().anyMatch(headerName::equalsIgnoreCase));
            headers.put(headerName, value);
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
        public WebhookAlertHandler build() {
            return new WebhookAlertHandler(this);
        }

        private JsonPost post() {
            return new JsonPost("webhook", url, headers, timeout == null ? JsonPost.DEFAULT_TIMEOUT : timeout);
        }
    }
}
