package io.wsmon.dashboard;

import io.wsmon.api.http.HttpRequest;
import io.wsmon.api.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One file of the page held in memory, answered with a strong {@code ETag}; a request whose
 * {@code If-None-Match} names the tag gets 304 without a body.
 *
 * @param body the bytes served; never changed
 * @param headers {@code Content-Type} and any other header sent with the bytes
 * @param version 16 hex digits of the bytes' SHA-256, used in the tag and in URLs
 */
record StaticFile(byte[] body, Map<String, String> headers, String version) {

    private static final byte[] EMPTY = new byte[0];

    /** Copies the headers, keeping their order. */
    StaticFile {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * A file versioned by a digest of its bytes.
     *
     * @param body the bytes
     * @param contentType its {@code Content-Type}
     * @param more other headers to send with it, in order
     * @return the file
     */
    static StaticFile of(byte[] body, String contentType, Map<String, String> more) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.putAll(more);
        return new StaticFile(body, headers, digest(body));
    }

    /**
     * The strong entity tag.
     *
     * @return the version in quotes
     */
    String etag() {
        return "\"" + version + "\"";
    }

    /**
     * The answer to a {@code GET}: 304 when the client holds this version, else 200 with the bytes.
     *
     * @param request the request, read for {@code If-None-Match}
     * @param cacheControl the {@code Cache-Control} to send
     * @return the response
     */
    HttpResponse respond(HttpRequest request, String cacheControl) {
        boolean fresh = request.header("If-None-Match").map(this::matches).orElse(false);
        // RFC 9110 15.4.5: a 304 carries the validator and the caching headers a 200 would have sent
        HttpResponse response = fresh ? new HttpResponse(304, Map.of(), EMPTY) : new HttpResponse(200, headers, body);
        return response.withHeader("Cache-Control", cacheControl).withHeader("ETag", etag());
    }

    /** RFC 9110 13.1.2: {@code *}, or any listed tag equal to ours under weak comparison. */
    private boolean matches(String ifNoneMatch) {
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(etag()::equals);
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
