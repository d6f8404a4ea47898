package io.wsmon.api.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response an {@link HttpEndpoint} returns. The server adds {@code Content-Length} and
 * {@code Connection}, and leaves the body out when answering {@code HEAD}.
 *
 * @param status the status code
 * @param headers headers in the order they are sent, for example {@code Content-Type}
 * @param body the body bytes; not copied, so do not change them afterwards
 */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {

    /** Checks the status and copies the headers, keeping their order. */
    public HttpResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status: must be between 100 and 599, got " + status);
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * A response with a body of a given media type.
     *
     * @param status the status code
     * @param contentType the {@code Content-Type}, for example {@code text/html; charset=utf-8}
     * @param body the body bytes
     * @return the response
     */
    public static HttpResponse of(int status, String contentType, byte[] body) {
        return new HttpResponse(status, Map.of("Content-Type", contentType), body);
    }

    /**
     * A JSON response.
     *
     * @param status the status code
     * @param json the UTF-8 JSON body
     * @return the response
     */
    public static HttpResponse json(int status, byte[] json) {
        return of(status, "application/json", json);
    }

    /**
     * A plain-text error whose body is the status and the reason, for example
     * {@code "400: count must be a positive integer, got 'x'"}.
     *
     * @param status the status code
     * @param message why the request failed
     * @return the response
     */
    public static HttpResponse error(int status, String message) {
        return of(status, "text/plain; charset=utf-8",
                (status + ": " + message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * This response with one more header (replacing one of the same name).
     *
     * @param name the header name
     * @param value its value
     * @return a new response
     */
    public HttpResponse withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new HttpResponse(status, all, body);
    }
}
