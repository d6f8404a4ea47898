package io.wsmon.ws.handshake;

import io.wsmon.api.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The optional shared secret a client must present, as {@code Authorization: Bearer <token>} or as the
 * query parameter {@code ?token=<token>}. Compared in constant time, as digests, so that neither a
 * matching prefix nor the length shows in the time an answer takes.
 */
public final class AccessToken {

    private static final String BEARER = "bearer ";

    private final byte[] expected;

    private AccessToken(byte[] expected) {
        this.expected = expected;
    }

    /**
     * A token requirement.
     *
     * @param token the token; empty means no token is required
     * @return the requirement
     * @throws IllegalArgumentException when the token holds whitespace or control characters
     */
    public static AccessToken of(Optional<String> token) {
        if (token.isEmpty()) {
            return new AccessToken(null);
        }
        String value = token.get();
        if (value.isEmpty() || !value.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException(
                    "token must be non-empty printable ASCII without spaces, got a value of " + value.length() + " characters");
        }
        return new AccessToken(digest(value.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Whether a token is required at all.
     *
     * @return true when {@link #admits} checks something
     */
    public boolean isRequired() {
        return expected != null;
    }

    /**
     * Whether a request carries the token.
     *
     * @param request the request
     * @return true when no token is required or the request presents the right one
     */
    public boolean admits(HttpRequest request) {
        if (expected == null) {
            return true;
        }
        Optional<String> bearer = request.header("Authorization")
                .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).strip());
        return bearer.or(() -> request.queryParameter("token"))
                .map(presented -> MessageDigest.isEqual(expected, digest(presented.getBytes(StandardCharsets.UTF_8))))
                .orElse(false);
    }

    /** Tokens are compared as SHA-256 digests, so the time taken tells neither a matching prefix nor the length. */
    private static byte[] digest(byte[] token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
