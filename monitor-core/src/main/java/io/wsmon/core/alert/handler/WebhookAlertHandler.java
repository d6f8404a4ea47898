package io.wsmon.core.alert.handler;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;
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
 */
public final class WebhookAlertHandler implements AlertHandler {

    private final String name;
    private final JsonPost post;

    private WebhookAlertHandler(Builder builder) {
        this.name = builder.name;
        this.post = new JsonPost("webhook", builder.url, builder.headers, builder.timeout);
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

    @Override
    public void handle(Alert alert) throws IOException, InterruptedException {
        post.send(AlertJson.encode(alert));
    }

    @Override
    public String toString() {
        return "WebhookAlertHandler[" + name + ", " + post + "]";
    }

    /** Configures a {@link WebhookAlertHandler}; each setter checks its value at once. */
    public static final class Builder {
        private final URI url;
        private String name = "webhook";
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration timeout = JsonPost.DEFAULT_TIMEOUT;

        private Builder(String url) {
            this.url = JsonPost.url("webhook URL", url);
        }

        /**
         * @param value the handler's name; default {@code "webhook"}
         * @return this builder
         */
        public Builder name(String value) {
            name = Options.notBlank("alert handler name", value);
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
         */
        public Builder header(String headerName, String value) {
            JsonPost.checkHeader("webhook header", headerName, value);
            headers.put(headerName, value);
            return this;
        }

        /**
         * @param value how long to wait for connecting and for the answer; default 10 s
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder timeout(Duration value) {
            timeout = JsonPost.timeout("webhook timeout", value);
            return this;
        }

        /** @return the handler */
        public WebhookAlertHandler build() {
            return new WebhookAlertHandler(this);
        }
    }
}
