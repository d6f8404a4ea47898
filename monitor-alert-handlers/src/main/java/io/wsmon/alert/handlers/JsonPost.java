package io.wsmon.alert.handlers;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * POSTs JSON to one URL with {@link HttpClient}: the transport of the webhook and Slack handlers. Checks its
 * configuration when created; a response outside 2xx is an {@link IOException} naming the status.
 */
final class JsonPost {

    /** Default for both connecting and the whole request (SPEC §7: HTTP timeout 10 s). */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BODY_IN_ERROR = 200;

    private final String what;
    private final URI url;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param what names the target in errors, for example {@code "webhook"}
     * @param url checked with {@link #url}
     * @param headers checked with {@link #checkHeader}
     * @param timeout checked with {@link #timeout}
     */
    JsonPost(String what, URI url, Map<String, String> headers, Duration timeout) {
        this.what = what;
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * @param option the option's name for errors, for example {@code url}
     * @param value the URL
     * @return it parsed
     * @throws InvalidOption when it is not an absolute http or https URL with a host
     */
    static URI url(String option, String value) {
        Objects.requireNonNull(value, option);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw Options.invalid(option, "must be a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")",
                    value);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw Options.invalid(option, "must start with http:// or https://", value);
        }
        if (uri.getHost() == null) {
            throw Options.invalid(option, "must name a host", value);
        }
        return uri;
    }

    /**
     * @param option the option's name for errors, for example {@code timeout}
     * @param value a timeout
     * @return it, when positive
     * @throws InvalidOption when zero or negative
     */
    static Duration timeout(String option, Duration value) {
        Objects.requireNonNull(value, option);
        if (value.isZero() || value.isNegative()) {
            throw Options.invalid(option, "must be positive", value);
        }
        return value;
    }

    /**
     * Checks a header without showing its value, which may be a secret.
     *
     * @param name a header name
     * @param value its value
     * @throws InvalidOption naming the header when {@link HttpRequest} refuses it (restricted, or bad characters)
     */
    static void checkHeader(String name, String value) {
        Objects.requireNonNull(name, "header name");
        Objects.requireNonNull(value, "header " + name);
        try {
            HttpRequest.newBuilder().header(name, "x");
        } catch (IllegalArgumentException e) {
            throw new InvalidOption("header " + name, "may not be set (" + e.getMessage() + ")");
        }
        try {
            HttpRequest.newBuilder().header(name, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidOption("header " + name, "the value must not hold line breaks or other control characters");
        }
    }

    /**
     * Sends one body and waits for the answer, at most the timeout.
     *
     * @param json the UTF-8 JSON body
     * @throws IOException when the request fails, times out ({@link HttpTimeoutException}, the same whether
     *     connecting or waiting for the answer took too long, so that a hanging endpoint is one problem) or is
     *     answered outside 2xx
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void send(byte[] json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "wsmon-alerts")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            HttpTimeoutException timedOut = new HttpTimeoutException(
                    what + " " + url + " did not answer within " + timeout.toMillis() + " ms");
            timedOut.initCause(e);
            throw timedOut;
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            String body = response.body();
            throw new IOException(what + " " + url + " answered HTTP " + status
                    + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(body.length(), MAX_BODY_IN_ERROR))));
        }
    }

    @Override
    public String toString() {
        return what + " " + url;
    }
}
