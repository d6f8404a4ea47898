package io.wsmon.ws.handshake;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which names a request's {@code Host} may carry, against DNS rebinding: a web page whose own name has
 * been made to resolve to this machine sends its own name as {@code Host}, which this policy refuses.
 * Allowed are the names the server answers to: its bind address, {@code localhost} (and its
 * subdomains), the loopback addresses, this machine's host name and the addresses of its interfaces
 * (so a server bound to {@code 0.0.0.0} is reachable by every IP address it has), and the names added
 * explicitly ({@code name}, {@code .domain} for the domain and its subdomains, or {@code *} for any).
 * The port is not compared, and a request without {@code Host} (HTTP/1.0) is allowed: browsers always
 * send it.
 *
 * <p>Immutable and thread-safe. Names are never resolved: an IP address is checked against the
 * interfaces, a name against the list.
 */
public final class HostPolicy {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+(%[0-9a-z_.-]+)?");

    private final Set<String> names;
    private final List<String> domains;
    private final boolean allowAll;

    private HostPolicy(Set<String> names, List<String> domains, boolean allowAll) {
        this.names = names;
        this.domains = domains;
        this.allowAll = allowAll;
    }

    /**
     * The names a server bound to {@code bindAddress} answers to, plus extra ones.
     *
     * @param bindAddress the address the server listens on, as configured
     * @param allowedHosts extra names: {@code dash.example.com}, {@code .example.com} for the domain and
     *     every subdomain, or {@code *} for any host
     * @return the policy
     * @throws IllegalArgumentException naming the first extra name that is not a host name, IP address,
     *     {@code .domain} or {@code *}
     */
    public static HostPolicy of(String bindAddress, List<String> allowedHosts) {
        Set<String> names = new LinkedHashSet<>();
        List<String> domains = new ArrayList<>(List.of(".localhost"));
        boolean all = false;
        for (String host : allowedHosts) {
            String normalized = checkAllowedHost(host);
            if (normalized.equals("*")) {
                all = true;
            } else if (normalized.startsWith(".")) {
                domains.add(normalized);
            } else {
                names.add(normalized);
            }
        }
        names.add("localhost");
        normalize(bindAddress).ifPresent(names::add);
        names.addAll(machineNames());
        return new HostPolicy(Collections.unmodifiableSet(names), List.copyOf(domains), all);
    }

    /**
     * Checks one extra allowed host as given by a user.
     *
     * @param host the value
     * @return it normalized: lower case, without brackets or a trailing dot
     * @throws IllegalArgumentException naming the value when it is not a host name, IP address,
     *     {@code .domain} or {@code *}
     */
    public static String checkAllowedHost(String host) {
        if (host != null && host.strip().equals("*")) {
            return "*";
        }
        boolean domain = host != null && host.strip().startsWith(".");
        Optional<String> normalized = host == null ? Optional.empty()
                : normalize(domain ? host.strip().substring(1) : host);
        if (normalized.isEmpty() || (domain && !NAME.matcher(normalized.get()).matches())) {
            throw new IllegalArgumentException("allowedHost must be a host name, an IP address, .domain or *, got '"
                    + host + "'");
        }
        return domain ? "." + normalized.get() : normalized.get();
    }

    /**
     * Decides on a request.
     *
     * @param hostHeader the request's {@code Host} header, if any
     * @return true when the request may proceed
     */
    public boolean allows(Optional<String> hostHeader) {
        if (hostHeader.isEmpty() || allowAll) {
            return true;
        }
        Optional<String> host = normalize(withoutPort(hostHeader.get()));
        if (host.isEmpty()) {
            return false;
        }
        String name = host.get();
        if (names.contains(name) || domains.stream().anyMatch(d -> name.endsWith(d) || name.equals(d.substring(1)))) {
            return true;
        }
        return isIpAddress(name) && isOwnAddress(name);
    }

    /** @return the host part of a {@code Host} value: {@code [v6]:port}, {@code v4:port} or {@code name:port} */
    private static String withoutPort(String value) {
        String host = value.strip();
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? "" : host.substring(0, close + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** @return lower case, brackets and a trailing dot removed; empty when not a host name or IP address */
    private static Optional<String> normalize(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
            return IPV6.matcher(name).matches() && name.contains(":") ? Optional.of(name) : Optional.empty();
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (NAME.matcher(name).matches() || (name.contains(":") && IPV6.matcher(name).matches())) {
            return Optional.of(name);
        }
        return Optional.empty();
    }

    /** Whether a host is an IP address literal, so that looking it up resolves no name. */
    private static boolean isIpAddress(String host) {
        if (host.contains(":")) {
            return true;
        }
        if (!IPV4.matcher(host).matches()) {
            return false;
        }
        for (String octet : host.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Whether a literal address is a loopback, wildcard or interface address of this machine; never resolves a name. */
    private static boolean isOwnAddress(String literal) {
        try {
            InetAddress address = InetAddress.getByName(literal);
            return address.isLoopbackAddress() || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }

    /** This machine's host name, its first label, and the addresses of its interfaces at start. */
    private static Set<String> machineNames() {
        Set<String> names = new LinkedHashSet<>();
        try {
            String hostName = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            normalize(hostName).ifPresent(names::add);
            int dot = hostName.indexOf('.');
            if (dot > 0) {
                normalize(hostName.substring(0, dot)).ifPresent(names::add);
            }
        } catch (UnknownHostException e) {
            // no resolvable own name: the addresses and the explicit names still work
        }
        return names;
    }
}
