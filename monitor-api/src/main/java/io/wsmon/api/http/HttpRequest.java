package io.wsmon.api.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP/1.1 request head, as an {@link HttpEndpoint} receives it.
 *
 * @param method the method as sent, for example {@code GET} (case-sensitive)
 * @param path the path of the request target exactly as sent, still percent-encoded and without the
 *     query, for example {@code /api/history}; endpoints are matched on it
 * @param query the decoded query parameters; the first value wins when a name repeats
 * @param version the protocol version, for example {@code HTTP/1.1}
 * @param headers header values by lower-case name; repeated headers joined with {@code ", "}
 */
public record HttpRequest(
        String method, String path, Map<String, String> query, String version, Map<String, String> headers) {

    /** Copies the maps so the record stays immutable. */
    public HttpRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /**
     * One header.
     *
     * @param name the header name, any case
     * @return its value, or empty when absent
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Whether a comma-separated header holds a token, case-insensitively (for example
     * {@code Connection: keep-alive, Upgrade} holds {@code upgrade}).
     *
     * @param name the header name
     * @param token the token to look for
     * @return true when one of the header's elements equals the token
     */
    public boolean headerHasToken(String name, String token) {
        return header(name)
                .map(value -> Arrays.stream(value.split(",")).anyMatch(t -> t.trim().equalsIgnoreCase(token)))
                .orElse(false);
    }

    /**
     * One query parameter.
     *
     * @param name the parameter name
     * @return its decoded value, or empty when absent
     */
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }
}
