package io.wsmon.ws.handshake;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which browser origins may open a WebSocket (or read the HTTP API): by default a request without an
 * {@code Origin} header (not a browser) and an origin whose host and port equal the request's
 * {@code Host} (a page served from this server); more origins are added explicitly, or {@code *} for all.
 *
 * <p>Immutable and thread-safe.
 */
public final class OriginPolicy {

    private final Set<String> allowed;
    private final boolean allowAll;

    private OriginPolicy(Set<String> allowed, boolean allowAll) {
        this.allowed = allowed;
        this.allowAll = allowAll;
    }

    /**
     * The default policy plus extra origins.
     *
     * @param origins origins such as {@code https://dashboard.example.com} or {@code http://localhost:3000},
     *     or {@code *} to allow every origin
     * @return the policy
     * @throws IllegalArgumentException naming the first origin that is not {@code scheme://host[:port]}
     */
    public static OriginPolicy allowing(List<String> origins) {
        Set<String> normalized = new LinkedHashSet<>();
        boolean all = false;
        for (String origin : origins) {
            if (origin.equals("*")) {
                all = true;
                continue;
            }
            normalized.add(normalize(origin).orElseThrow(() -> new IllegalArgumentException(
                    "allowedOrigin must be scheme://host[:port] or *, got '" + origin + "'")));
        }
        return new OriginPolicy(Set.copyOf(normalized), all);
    }

    /**
     * Decides on a request.
     *
     * @param origin the request's {@code Origin} header, if any
     * @param host the request's {@code Host} header, if any
     * @return true when the request may proceed
     */
    public boolean allows(Optional<String> origin, Optional<String> host) {
        if (origin.isEmpty() || allowAll) {
            return true;
        }
        Optional<String> normalized = normalize(origin.get());
        if (normalized.isEmpty()) {
            return false;
        }
        if (allowed.contains(normalized.get())) {
            return true;
        }
        return host.isPresent() && sameHost(URI.create(normalized.get()), host.get());
    }

    /** Compares the origin's host:port with the Host header, which omits the port when it is the default. */
    private static boolean sameHost(URI origin, String host) {
        String expected = origin.getHost() + ":" + origin.getPort();
        String hostPort = host.toLowerCase(Locale.ROOT);
        boolean hasPort = hostPort.lastIndexOf(':') > hostPort.lastIndexOf(']');
        if (!hasPort) {
            hostPort = hostPort + ":" + defaultPort(origin.getScheme());
        }
        return expected.equals(hostPort);
    }

    /** @return {@code scheme://host:port} in lower case with the port made explicit, or empty */
    private static Optional<String> normalize(String origin) {
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()
                            || uri.getRawPath().equals("/"))) {
                return Optional.empty();
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme);
            return port < 0 ? Optional.empty()
                    : Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            default -> -1;
        };
    }
}
