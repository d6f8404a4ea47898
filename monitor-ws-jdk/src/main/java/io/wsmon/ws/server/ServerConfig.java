package io.wsmon.ws.server;

import io.wsmon.api.http.HttpEndpoint;
import io.wsmon.core.Version;
import io.wsmon.core.format.Durations;
import io.wsmon.core.time.Ticker;
import io.wsmon.ws.handshake.AccessToken;
import io.wsmon.ws.handshake.HostPolicy;
import io.wsmon.ws.handshake.OriginPolicy;
import io.wsmon.ws.tls.TlsIdentity;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Everything the WebSocket server can be told. Built by {@link Builder}, whose setters check each value
 * at once, name the option and the value when it is wrong, and refuse a second value for an option.
 *
 * @param host the address to listen on; {@code 0.0.0.0} for every IPv4 interface
 * @param port the port; 0 lets the system choose
 * @param maxClients WebSocket clients served at once; past it a client is closed with 1008 "Server at capacity"
 * @param sendTimeout a client with frames pending whose socket accepts no byte for this long is dropped
 * @param handshakeTimeout a client must send its whole request head within this
 * @param closeTimeout after the server's close frame, how long to wait for the client to hang up
 * @param pingInterval a client not heard from for this long is pinged
 * @param pingTimeout a pinged client that sends nothing for this long is closed with 1011
 * @param shutdownTimeout how long {@link WebSocketServer#close()} waits for clients to close
 * @param maxMessageBytes the largest client message (and frame), in bytes; larger ones close with 1009
 * @param maxHeaderBytes the largest request head, in bytes; larger ones get 431
 * @param token the token clients must present, if any
 * @param allowedOrigins browser origins allowed besides the server's own ({@code *} for all)
 * @param allowedHosts {@code Host} names allowed besides the ones the server answers to ({@code .domain},
 *     {@code *} for all); see {@link HostPolicy}
 * @param historyCap the most snapshots one history reply holds
 * @param maxReplyBytes the largest history reply, in bytes
 * @param commandsPerSecond commands one client may send in any second; more get {@code RATE_LIMITED}
 * @param rateLimitGrace a client exceeding the rate for this long is closed with 1008
 * @param backlog the listen backlog
 * @param ticker monotonic time
 * @param clock the clock of reply timestamps
 * @param serverVersion the version reported to clients as {@code server_version}
 * @param endpoints HTTP endpoints given to the builder, served besides the built-in ones
 * @param settings the settings handed to endpoint providers ({@code metrics}, {@code dashboard}, ...)
 * @param discovery whether endpoint providers are looked up with {@link java.util.ServiceLoader}
 * @param tls the certificate the port speaks TLS with ({@code wss://}, {@code https://}); empty for plain
 *     {@code ws://} and {@code http://}
 */
public record ServerConfig(
        String host,
        int port,
        int maxClients,
        Duration sendTimeout,
        Duration handshakeTimeout,
        Duration closeTimeout,
        Duration pingInterval,
        Duration pingTimeout,
        Duration shutdownTimeout,
        int maxMessageBytes,
        int maxHeaderBytes,
        Optional<String> token,
        List<String> allowedOrigins,
        List<String> allowedHosts,
        int historyCap,
        int maxReplyBytes,
        int commandsPerSecond,
        Duration rateLimitGrace,
        int backlog,
        Ticker ticker,
        Clock clock,
        String serverVersion,
        List<HttpEndpoint> endpoints,
        Map<String, String> settings,
        boolean discovery,
        Optional<TlsIdentity> tls) {

    /** Copies the collections so the record stays immutable. */
    public ServerConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = List.copyOf(allowedHosts);
        endpoints = List.copyOf(endpoints);
        settings = Map.copyOf(settings);
    }

    /** Makes the thing being configured once the configuration is complete. */
    @FunctionalInterface
    interface Starter<T> {
        T start(ServerConfig config) throws IOException;
    }

    /**
     * Builds a {@link ServerConfig} with the defaults of SPEC §7 and starts the server with it. Each
     * option is checked when set and may be set once; the repeatable ones ({@link #allowedOrigin},
     * {@link #endpoint}, {@link #setting}) add up.
     */
    public static final class Builder {

        private final Starter<WebSocketServer> starter;
        private final Map<String, String> defaultSettings;
        private String host;
        private Integer port;
        private Integer maxClients;
        private Duration sendTimeout;
        private Duration handshakeTimeout;
        private Duration closeTimeout;
        private Duration pingInterval;
        private Duration pingTimeout;
        private Duration shutdownTimeout;
        private Integer maxMessageBytes;
        private Integer maxHeaderBytes;
        private String token;
        private final List<String> allowedOrigins = new ArrayList<>();
        private final List<String> allowedHosts = new ArrayList<>();
        private Integer historyCap;
        private Integer maxReplyBytes;
        private Integer commandsPerSecond;
        private Duration rateLimitGrace;
        private Integer backlog;
        private Ticker ticker;
        private Clock clock;
        private String serverVersion;
        private final List<HttpEndpoint> endpoints = new ArrayList<>();
        private Map<String, String> settings;
        private Boolean discovery;
        private TlsIdentity tls;

        Builder(Starter<WebSocketServer> starter, Map<String, String> defaultSettings) {
            this.starter = starter;
            this.defaultSettings = Map.copyOf(defaultSettings);
        }

        /**
         * @param host the address to listen on, for example {@code 127.0.0.1}; default {@code 0.0.0.0}
         * @return this builder
         */
        public Builder host(String host) {
            requireUnset("host", this.host, host);
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host: must not be empty, got '" + host + "'");
            }
            this.host = host;
            return this;
        }

        /**
         * @param port 0 to 65535, 0 for any free port; default 8765
         * @return this builder
         */
        public Builder port(int port) {
            requireUnset("port", this.port, port);
            this.port = inRange("port", port, 0, 65535);
            return this;
        }

        /**
         * @param maxClients at least 1; default 1000
         * @return this builder
         */
        public Builder maxClients(int maxClients) {
            requireUnset("maxClients", this.maxClients, maxClients);
            this.maxClients = inRange("maxClients", maxClients, 1, 1_000_000);
            return this;
        }

        /**
         * @param sendTimeout positive; default 1 s
         * @return this builder
         */
        public Builder sendTimeout(Duration sendTimeout) {
            requireUnset("sendTimeout", this.sendTimeout, sendTimeout);
            this.sendTimeout = positive("sendTimeout", sendTimeout);
            return this;
        }

        /**
         * @param handshakeTimeout positive; default 10 s
         * @return this builder
         */
        public Builder handshakeTimeout(Duration handshakeTimeout) {
            requireUnset("handshakeTimeout", this.handshakeTimeout, handshakeTimeout);
            this.handshakeTimeout = positive("handshakeTimeout", handshakeTimeout);
            return this;
        }

        /**
         * @param closeTimeout positive; default 2 s
         * @return this builder
         */
        public Builder closeTimeout(Duration closeTimeout) {
            requireUnset("closeTimeout", this.closeTimeout, closeTimeout);
            this.closeTimeout = positive("closeTimeout", closeTimeout);
            return this;
        }

        /**
         * @param pingInterval positive; default 20 s
         * @return this builder
         */
        public Builder pingInterval(Duration pingInterval) {
            requireUnset("pingInterval", this.pingInterval, pingInterval);
            this.pingInterval = positive("pingInterval", pingInterval);
            return this;
        }

        /**
         * @param pingTimeout positive; default 20 s
         * @return this builder
         */
        public Builder pingTimeout(Duration pingTimeout) {
            requireUnset("pingTimeout", this.pingTimeout, pingTimeout);
            this.pingTimeout = positive("pingTimeout", pingTimeout);
            return this;
        }

        /**
         * @param shutdownTimeout positive; default 2 s
         * @return this builder
         */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            requireUnset("shutdownTimeout", this.shutdownTimeout, shutdownTimeout);
            this.shutdownTimeout = positive("shutdownTimeout", shutdownTimeout);
            return this;
        }

        /**
         * @param maxMessageBytes 125 bytes to 64 MiB; default 64 KiB
         * @return this builder
         */
        public Builder maxMessageBytes(int maxMessageBytes) {
            requireUnset("maxMessageBytes", this.maxMessageBytes, maxMessageBytes);
            this.maxMessageBytes = inRange("maxMessageBytes", maxMessageBytes, 125, 64 << 20);
            return this;
        }

        /**
         * @param maxHeaderBytes 256 bytes to 1 MiB; default 8 KiB
         * @return this builder
         */
        public Builder maxHeaderBytes(int maxHeaderBytes) {
            requireUnset("maxHeaderBytes", this.maxHeaderBytes, maxHeaderBytes);
            this.maxHeaderBytes = inRange("maxHeaderBytes", maxHeaderBytes, 256, 1 << 20);
            return this;
        }

        /**
         * @param token the token clients must present as {@code Authorization: Bearer} or {@code ?token=}:
         *     printable ASCII without spaces
         * @return this builder
         */
        public Builder token(String token) {
            if (this.token != null) {
                throw new IllegalStateException("token: already set");
            }
            AccessToken.of(Optional.of(Objects.requireNonNull(token, "token")));
            this.token = token;
            return this;
        }

        /**
         * @param origin a browser origin such as {@code https://dash.example.com}, or {@code *}; may be
         *     called several times
         * @return this builder
         */
        public Builder allowedOrigin(String origin) {
            OriginPolicy.allowing(List.of(Objects.requireNonNull(origin, "allowedOrigin")));
            allowedOrigins.add(origin);
            return this;
        }

        /**
         * Allows a {@code Host} name besides the ones the server answers to (its bind address,
         * {@code localhost}, the loopback addresses, this machine's name and addresses), for example the
         * name of a reverse proxy in front of it. Requests naming any other host get 403, which defeats
         * DNS rebinding.
         *
         * @param host a host name or IP address without port, {@code .example.com} for that domain and
         *     its subdomains, or {@code *} to allow every host; may be called several times
         * @return this builder
         */
        public Builder allowedHost(String host) {
            allowedHosts.add(HostPolicy.checkAllowedHost(Objects.requireNonNull(host, "allowedHost")));
            return this;
        }

        /**
         * @param historyCap 1 to 100000; default 1000
         * @return this builder
         */
        public Builder historyCap(int historyCap) {
            requireUnset("historyCap", this.historyCap, historyCap);
            this.historyCap = inRange("historyCap", historyCap, 1, 100_000);
            return this;
        }

        /**
         * @param maxReplyBytes 64 KiB to 256 MiB; default 4 MiB
         * @return this builder
         */
        public Builder maxReplyBytes(int maxReplyBytes) {
            requireUnset("maxReplyBytes", this.maxReplyBytes, maxReplyBytes);
            this.maxReplyBytes = inRange("maxReplyBytes", maxReplyBytes, 64 * 1024, 256 << 20);
            return this;
        }

        /**
         * @param commandsPerSecond 1 to 10000; default 50
         * @return this builder
         */
        public Builder commandsPerSecond(int commandsPerSecond) {
            requireUnset("commandsPerSecond", this.commandsPerSecond, commandsPerSecond);
            this.commandsPerSecond = inRange("commandsPerSecond", commandsPerSecond, 1, 10_000);
            return this;
        }

        /**
         * @param rateLimitGrace positive; default 5 s
         * @return this builder
         */
        public Builder rateLimitGrace(Duration rateLimitGrace) {
            requireUnset("rateLimitGrace", this.rateLimitGrace, rateLimitGrace);
            this.rateLimitGrace = positive("rateLimitGrace", rateLimitGrace);
            return this;
        }

        /**
         * @param backlog 1 to 65535; default 1024
         * @return this builder
         */
        public Builder backlog(int backlog) {
            requireUnset("backlog", this.backlog, backlog);
            this.backlog = inRange("backlog", backlog, 1, 65535);
            return this;
        }

        /**
         * @param ticker the monotonic time source; default the system's
         * @return this builder
         */
        public Builder ticker(Ticker ticker) {
            requireUnset("ticker", this.ticker, ticker);
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /**
         * @param clock the clock of reply timestamps and of the start time; default the system clock in
         *     the default time zone
         * @return this builder
         */
        public Builder clock(Clock clock) {
            requireUnset("clock", this.clock, clock);
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param serverVersion the version reported as {@code server_version}, for example a relay's
         *     upstream version; default this library's version
         * @return this builder
         */
        public Builder serverVersion(String serverVersion) {
            requireUnset("serverVersion", this.serverVersion, serverVersion);
            if (serverVersion == null || serverVersion.isBlank()) {
                throw new IllegalArgumentException("serverVersion: must not be empty, got '" + serverVersion + "'");
            }
            this.serverVersion = serverVersion;
            return this;
        }

        /**
         * Serves one more path on the server's port. Two endpoints on the same path and kind fail
         * {@link #start()}, naming both.
         *
         * @param endpoint the endpoint; may be called several times
         * @return this builder
         */
        public Builder endpoint(HttpEndpoint endpoint) {
            endpoints.add(Objects.requireNonNull(endpoint, "endpoint"));
            return this;
        }

        /**
         * Settings handed to endpoint providers, each key at most once. Any setting given replaces the
         * default: a server streaming a {@code MonitoringService} hands on the service's extension
         * settings; otherwise none.
         *
         * @param settings every setting by key
         * @return this builder
         */
        public Builder settings(Map<String, String> settings) {
            Objects.requireNonNull(settings, "settings");
            settings.forEach(this::setting);
            return this;
        }

        /**
         * One setting handed to endpoint providers, such as {@code metrics=false}; see {@link #settings}.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder setting(String key, String value) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("setting: a key must not be empty, got '" + key + "'");
            }
            Objects.requireNonNull(value, "setting " + key);
            if (settings == null) {
                settings = new LinkedHashMap<>();
            }
            String previous = settings.putIfAbsent(key, value);
            if (previous != null) {
                throw new IllegalStateException("setting " + key + ": already set to " + previous + ", got " + value);
            }
            return this;
        }

        /**
         * @param discovery whether endpoint providers on the class path are loaded with
         *     {@link java.util.ServiceLoader}; default true
         * @return this builder
         */
        public Builder discovery(boolean discovery) {
            requireUnset("discovery", this.discovery, discovery);
            this.discovery = discovery;
            return this;
        }

        /**
         * Speaks TLS (1.3 and 1.2 only) on the port, with a context the embedder made: {@code wss://} and
         * {@code https://} for every endpoint. A plain-text request on the port gets a plain 400.
         *
         * @param context an initialized context with the server's key manager
         * @return this builder
         */
        public Builder tls(SSLContext context) {
            return tls(TlsIdentity.of(context));
        }

        /**
         * Speaks TLS (1.3 and 1.2 only) on the port with a certificate from files, served afresh to new
         * connections when renewed on disk; see {@link TlsIdentity}. The files are read by {@link #start()},
         * which fails with a {@link io.wsmon.ws.tls.TlsFileException} naming a file that cannot be used.
         *
         * @param identity the certificate and key
         * @return this builder
         */
        public Builder tls(TlsIdentity identity) {
            requireUnset("tls", this.tls, identity);
            this.tls = Objects.requireNonNull(identity, "tls");
            return this;
        }

        /**
         * The configuration as set so far, with defaults for the rest.
         *
         * @return the configuration
         */
        public ServerConfig build() {
            return new ServerConfig(
                    or(host, "0.0.0.0"),
                    or(port, 8765),
                    or(maxClients, 1000),
                    or(sendTimeout, Duration.ofSeconds(1)),
                    or(handshakeTimeout, Duration.ofSeconds(10)),
                    or(closeTimeout, Duration.ofSeconds(2)),
                    or(pingInterval, Duration.ofSeconds(20)),
                    or(pingTimeout, Duration.ofSeconds(20)),
                    or(shutdownTimeout, Duration.ofSeconds(2)),
                    or(maxMessageBytes, 64 * 1024),
                    or(maxHeaderBytes, 8 * 1024),
                    Optional.ofNullable(token),
                    allowedOrigins,
                    allowedHosts,
                    or(historyCap, 1000),
                    or(maxReplyBytes, 4 * 1024 * 1024),
                    or(commandsPerSecond, 50),
                    or(rateLimitGrace, Duration.ofSeconds(5)),
                    or(backlog, 1024),
                    ticker != null ? ticker : Ticker.system(),
                    clock != null ? clock : Clock.systemDefaultZone(),
                    serverVersion != null ? serverVersion : Version.current(),
                    endpoints,
                    or(settings, defaultSettings),
                    or(discovery, true),
                    Optional.ofNullable(tls));
        }

        /**
         * Binds the port and starts serving.
         *
         * @return the running server
         * @throws IOException when the address cannot be bound
         * @throws IllegalStateException when two HTTP endpoints claim the same path, naming both
         */
        public WebSocketServer start() throws IOException {
            return starter.start(build());
        }

        private static <T> T or(T value, T fallback) {
            return value != null ? value : fallback;
        }

        private static void requireUnset(String option, Object current, Object value) {
            if (current != null) {
                throw new IllegalStateException(option + ": already set to " + format(current) + ", got " + format(value));
            }
        }

        private static int inRange(String option, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(
                        option + ": must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        }

        private static Duration positive(String option, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(option + ": must be a positive duration, got "
                        + (value == null ? null : Durations.format(value)));
            }
            return value;
        }

        private static String format(Object value) {
            return value instanceof Duration d ? Durations.format(d) : String.valueOf(value);
        }
    }
}
