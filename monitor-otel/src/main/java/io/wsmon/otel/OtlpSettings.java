package io.wsmon.otel;

import io.wsmon.api.MonitorContext;
import io.wsmon.api.MonitorUnavailableException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how the OTLP exporter sends: read from the {@code otel.*} settings, else from the standard
 * OpenTelemetry environment variables.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>variable</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code otel.endpoint}</td><td>{@code OTEL_EXPORTER_OTLP_ENDPOINT}</td><td>the receiver's base
 *       URL; metrics go to its {@code /v1/metrics}</td><td>none: the exporter is left out</td></tr>
 *   <tr><td>{@code otel.metrics_endpoint}</td><td>{@code OTEL_EXPORTER_OTLP_METRICS_ENDPOINT}</td><td>the
 *       full URL metrics go to, used as given</td><td>the endpoint above</td></tr>
 *   <tr><td>{@code otel.headers}</td><td>{@code OTEL_EXPORTER_OTLP_HEADERS}</td><td>request headers,
 *       {@code key=value} pairs separated by commas, values percent-encoded</td><td>none</td></tr>
 *   <tr><td>{@code otel.timeout}</td><td>{@code OTEL_EXPORTER_OTLP_TIMEOUT} (ms)</td><td>how long one
 *       export may take, in seconds</td><td>10</td></tr>
 *   <tr><td>{@code otel.interval}</td><td>{@code OTEL_METRIC_EXPORT_INTERVAL} (ms)</td><td>time between
 *       exports, in seconds</td><td>the service's export interval</td></tr>
 *   <tr><td>{@code otel.protocol}</td><td>{@code OTEL_EXPORTER_OTLP_PROTOCOL}</td><td>only
 *       {@code http/protobuf} is spoken</td><td>{@code http/protobuf}</td></tr>
 * </table>
 *
 * @param metricsEndpoint the URL metrics are posted to
 * @param headers request headers
 * @param timeout the limit of one export
 * @param interval the time between exports; empty for the service's export interval
 */
public record OtlpSettings(URI metricsEndpoint, Map<String, String> headers, Duration timeout,
        Optional<Duration> interval) {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final String PROTOCOL = "http/protobuf";

    /** Copies the headers so the record stays immutable. */
    public OtlpSettings {
        headers = Map.copyOf(headers);
    }

    /**
     * Reads the settings.
     *
     * @param context the service's settings
     * @param environment the process environment
     * @return the settings
     * @throws MonitorUnavailableException when no endpoint is given at all: the exporter is not configured
     * @throws IllegalArgumentException naming the setting (or variable) whose value is wrong
     */
    public static OtlpSettings read(MonitorContext context, Map<String, String> environment)
            throws MonitorUnavailableException {
        Source source = new Source(context.settings(), environment);
        Optional<Entry> metricsEndpoint = source.get("otel.metrics_endpoint", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
        Optional<Entry> endpoint = source.get("otel.endpoint", "OTEL_EXPORTER_OTLP_ENDPOINT");
        if (metricsEndpoint.isEmpty() && endpoint.isEmpty()) {
            throw new MonitorUnavailableException("not configured: set otel.endpoint or OTEL_EXPORTER_OTLP_ENDPOINT");
        }
        source.get("otel.protocol", "OTEL_EXPORTER_OTLP_PROTOCOL").ifPresent(p -> {
            if (!p.value().trim().equals(PROTOCOL)) {
                throw p.bad("only " + PROTOCOL + " is spoken");
            }
        });
        URI url = metricsEndpoint.isPresent()
                ? url(metricsEndpoint.get())
                : url(endpoint.get()).resolve(stripSlash(url(endpoint.get()).getPath()) + "/v1/metrics");
        Map<String, String> headers = source.get("otel.headers", "OTEL_EXPORTER_OTLP_HEADERS")
                .map(OtlpSettings::headers).orElse(Map.of());
        Duration timeout = source.get("otel.timeout", "OTEL_EXPORTER_OTLP_TIMEOUT")
                .map(OtlpSettings::duration).orElse(DEFAULT_TIMEOUT);
        Optional<Duration> interval = source.get("otel.interval", "OTEL_METRIC_EXPORT_INTERVAL")
                .map(OtlpSettings::duration);
        return new OtlpSettings(url, headers, timeout, interval);
    }

    private static URI url(Entry entry) {
        URI uri;
        try {
            uri = URI.create(entry.value().trim());
        } catch (IllegalArgumentException e) {
            throw entry.bad("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw entry.bad("must be an http:// or https:// URL with a host");
        }
        return uri;
    }

    private static String stripSlash(String path) {
        return path == null ? "" : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Map<String, String> headers(Entry entry) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String pair : entry.value().split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || pair.substring(0, eq).isBlank()) {
                throw entry.bad("expected key=value pairs separated by commas");
            }
            headers.put(pair.substring(0, eq).trim(), URLDecoder.decode(pair.substring(eq + 1).trim(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** Settings are in seconds; the standard variables in milliseconds. */
    private static Duration duration(Entry entry) {
        double value;
        try {
            value = Double.parseDouble(entry.value().trim());
        } catch (NumberFormatException e) {
            throw entry.bad("must be a positive number");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw entry.bad("must be a positive number");
        }
        return Duration.ofNanos((long) (value * (entry.fromEnvironment() ? 1e6 : 1e9)));
    }

    /** One value and where it came from, to name it in an error. */
    private record Entry(String key, String value, boolean fromEnvironment) {
        IllegalArgumentException bad(String problem) {
            return new IllegalArgumentException(key + ": " + problem + ", got '" + value + "'");
        }
    }

    /** A setting wins over its environment variable. */
    private record Source(Map<String, String> settings, Map<String, String> environment) {
        Optional<Entry> get(String setting, String variable) {
            String value = settings.get(setting);
            if (value != null && !value.isBlank()) {
                return Optional.of(new Entry(setting, value, false));
            }
            value = environment.get(variable);
            return value != null && !value.isBlank() ? Optional.of(new Entry(variable, value, true)) : Optional.empty();
        }
    }
}
