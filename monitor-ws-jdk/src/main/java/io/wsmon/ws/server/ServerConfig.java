package io.wsmon.ws.server;

import io.wsmon.core.time.Ticker;
import io.wsmon.ws.handshake.AccessToken;
import io.wsmon.ws.handshake.HostPolicy;
import io.wsmon.ws.handshake.OriginPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the WebSocket server can be told. Built by {@link Builder}, whose setters check each value
 * at once and name the option and the value when it is wrong.
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
        Ticker ticker) {

    /** Copies the origin and host lists so the record stays immutable. */
    public ServerConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** Makes the thing being configured once the configuration is complete. */
    @FunctionalInterface
    interface Starter<T> {
        T start(ServerConfig config) throws IOException;
    }

    /**
     * Builds a {@link ServerConfig} with the defaults of SPEC §7 and starts the server with it.
     */
    public static final class Builder {

        private final Starter<WebSocketServer> starter;
        private String host = "0.0.0.0";
        private int port = 8765;
        private int maxClients = 1000;
        private Duration sendTimeout = Duration.ofSeconds(1);
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration closeTimeout = Duration.ofSeconds(2);
        private Duration pingInterval = Duration.ofSeconds(20);
        private Duration pingTimeout = Duration.ofSeconds(20);
        private Duration shutdownTimeout = Duration.ofSeconds(2);
        private int maxMessageBytes = 64 * 1024;
        private int maxHeaderBytes = 8 * 1024;
        private Optional<String> token = Optional.empty();
        private final List<String> allowedOrigins = new ArrayList<>();
        private final List<String> allowedHosts = new ArrayList<>();
        private int historyCap = 1000;
        private int maxReplyBytes = 4 * 1024 * 1024;
        private int commandsPerSecond = 50;
        private Duration rateLimitGrace = Duration.ofSeconds(5);
        private int backlog = 1024;
        private Ticker ticker = Ticker.system();

        Builder(Starter<WebSocketServer> starter) {
            this.starter = starter;
        }

        /**
         * @param host the address to listen on, for example {@code 127.0.0.1}; default {@code 0.0.0.0}
         * @return this builder
         */
        public Builder host(String host) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host must not be empty, got '" + host + "'");
            }
            this.host = host;
            return this;
        }

        /**
         * @param port 0 to 65535, 0 for any free port; default 8765
         * @return this builder
         */
        public Builder port(int port) {
            this.port = inRange("port", port, 0, 65535);
            return this;
        }

        /**
         * @param maxClients at least 1; default 1000
         * @return this builder
         */
        public Builder maxClients(int maxClients) {
            this.maxClients = inRange("maxClients", maxClients, 1, 1_000_000);
            return this;
        }

        /**
         * @param sendTimeout positive; default 1 s
         * @return this builder
         */
        public Builder sendTimeout(Duration sendTimeout) {
            this.sendTimeout = positive("sendTimeout", sendTimeout);
            return this;
        }

        /**
         * @param handshakeTimeout positive; default 10 s
         * @return this builder
         */
        public Builder handshakeTimeout(Duration handshakeTimeout) {
            this.handshakeTimeout = positive("handshakeTimeout", handshakeTimeout);
            return this;
        }

        /**
         * @param closeTimeout positive; default 2 s
         * @return this builder
         */
        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = positive("closeTimeout", closeTimeout);
            return this;
        }

        /**
         * @param pingInterval positive; default 20 s
         * @return this builder
         */
        public Builder pingInterval(Duration pingInterval) {
            this.pingInterval = positive("pingInterval", pingInterval);
            return this;
        }

        /**
         * @param pingTimeout positive; default 20 s
         * @return this builder
         */
        public Builder pingTimeout(Duration pingTimeout) {
            this.pingTimeout = positive("pingTimeout", pingTimeout);
            return this;
        }

        /**
         * @param shutdownTimeout positive; default 2 s
         * @return this builder
         */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = positive("shutdownTimeout", shutdownTimeout);
            return this;
        }

        /**
         * @param maxMessageBytes 125 bytes to 64 MiB; default 64 KiB
         * @return this builder
         */
        public Builder maxMessageBytes(int maxMessageBytes) {
            this.maxMessageBytes = inRange("maxMessageBytes", maxMessageBytes, 125, 64 << 20);
            return this;
        }

        /**
         * @param maxHeaderBytes 256 bytes to 1 MiB; default 8 KiB
         * @return this builder
         */
        public Builder maxHeaderBytes(int maxHeaderBytes) {
            this.maxHeaderBytes = inRange("maxHeaderBytes", maxHeaderBytes, 256, 1 << 20);
            return this;
        }

        /**
         * @param token the token clients must present as {@code Authorization: Bearer} or {@code ?token=}:
         *     printable ASCII without spaces
         * @return this builder
         */
        public Builder token(String token) {
            AccessToken.of(Optional.of(Objects.requireNonNull(token, "token")));
            this.token = Optional.of(token);
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
            this.historyCap = inRange("historyCap", historyCap, 1, 100_000);
            return this;
        }

        /**
         * @param maxReplyBytes 64 KiB to 256 MiB; default 4 MiB
         * @return this builder
         */
        public Builder maxReplyBytes(int maxReplyBytes) {
            this.maxReplyBytes = inRange("maxReplyBytes", maxReplyBytes, 64 * 1024, 256 << 20);
            return this;
        }

        /**
         * @param commandsPerSecond 1 to 10000; default 50
         * @return this builder
         */
        public Builder commandsPerSecond(int commandsPerSecond) {
            this.commandsPerSecond = inRange("commandsPerSecond", commandsPerSecond, 1, 10_000);
            return this;
        }

        /**
         * @param rateLimitGrace positive; default 5 s
         * @return this builder
         */
        public Builder rateLimitGrace(Duration rateLimitGrace) {
            this.rateLimitGrace = positive("rateLimitGrace", rateLimitGrace);
            return this;
        }

        /**
         * @param backlog 1 to 65535; default 1024
         * @return this builder
         */
        public Builder backlog(int backlog) {
            this.backlog = inRange("backlog", backlog, 1, 65535);
            return this;
        }

        /**
         * @param ticker the monotonic time source; default the system's
         * @return this builder
         */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /**
         * The configuration as set so far.
         *
         * @return the configuration
         */
        public ServerConfig build() {
            return new ServerConfig(host, port, maxClients, sendTimeout, handshakeTimeout, closeTimeout,
                    pingInterval, pingTimeout, shutdownTimeout, maxMessageBytes, maxHeaderBytes, token,
                    allowedOrigins, allowedHosts, historyCap, maxReplyBytes, commandsPerSecond, rateLimitGrace, backlog, ticker);
        }

        /**
         * Binds the port and starts serving.
         *
         * @return the running server
         * @throws IOException when the address cannot be bound
         */
        public WebSocketServer start() throws IOException {
            return starter.start(build());
        }

        private static int inRange(String option, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(
                        option + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        }

        private static Duration positive(String option, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(option + " must be a positive duration, got " + value);
            }
            return value;
        }
    }
}
