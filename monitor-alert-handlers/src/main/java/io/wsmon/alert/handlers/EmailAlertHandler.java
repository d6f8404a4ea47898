package io.wsmon.alert.handlers;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.MonitorUnavailableException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends each alert as a plain-text email over SMTP (Jakarta Mail), as the seed's {@code EmailAlertHandler}.
 * By default the connection goes to port 587 and must be upgraded with STARTTLS before anything else is sent
 * (a server that does not offer STARTTLS is refused); authentication is used when credentials are given.
 *
 * <pre>{@code
 * EmailAlertHandler.builder()
 *         .server("smtp://smtp.example.com:587")
 *         .credentials("monitoring@example.com", "app_password")
 *         .from("monitoring@example.com")
 *         .to("admin@example.com", "ops@example.com")
 *         .build();
 * }</pre>
 *
 * <p>Subject: {@code [wsmon] CRITICAL: Critical disk usage: 96.2% (threshold: 95.0%)}. Body: the message, then
 * level, component, metric, resource, value, threshold and time, one per line.
 *
 * <p>Made with the no-argument constructor (as {@link java.util.ServiceLoader} does when the class is listed in
 * {@code META-INF/services/io.wsmon.api.AlertHandler}), the handler is named {@code email} and reads these
 * service settings in {@link #start}, checked as the builder checks them:
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code alert.email.server}</td><td>{@code smtp://host[:port]} (STARTTLS, port 587 by default) or
 *       {@code smtps://host[:port]} (TLS from the start, port 465 by default); without it the handler is not
 *       configured and is left out</td><td>required</td></tr>
 *   <tr><td>{@code alert.email.from}</td><td>the sender address</td><td>required</td></tr>
 *   <tr><td>{@code alert.email.to}</td><td>the recipients, separated by commas</td><td>required</td></tr>
 *   <tr><td>{@code alert.email.username}</td><td>the user name to authenticate with; give it with the
 *       password</td><td>no authentication</td></tr>
 *   <tr><td>{@code alert.email.password}</td><td>the password; give it with the user name</td>
 *       <td>no authentication</td></tr>
 *   <tr><td>{@code alert.email.security}</td><td>{@code starttls}, {@code smtps} or {@code none} (no
 *       encryption: only for a trusted local relay)</td><td>from the server URL</td></tr>
 *   <tr><td>{@code alert.email.subject_prefix}</td><td>put before the level in the subject</td>
 *       <td>{@code [wsmon]}</td></tr>
 *   <tr><td>{@code alert.email.timeout}</td><td>seconds for connecting, reading and writing; a decimal number
 *       above 0</td><td>{@code 10}</td></tr>
 *   <tr><td>{@code alert.email.trusted_hosts}</td><td>hosts, separated by commas, whose certificate is trusted
 *       without the JDK's trust store (self-signed)</td><td>none</td></tr>
 *   <tr><td>{@code alert.email.check_server_identity}</td><td>{@code true} or {@code false}: whether the
 *       certificate must name the host</td><td>{@code true}</td></tr>
 * </table>
 */
public final class EmailAlertHandler implements AlertHandler {

    /** Default SMTP submission port (SPEC §7). */
    public static final int DEFAULT_PORT = 587;
    /** Default connect, read and write timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final int SMTPS_PORT = 465;
    private static final String DEFAULT_SUBJECT_PREFIX = "[wsmon]";

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS, which the server must offer (the default). */
        STARTTLS,
        /** TLS from the first byte ({@code smtps}, usually port 465). */
        SMTPS,
        /** No encryption; only for a trusted local relay. */
        NONE
    }

    private static final String KIND = "email";

    private final String name;
    private final Configuration<Smtp> smtp;

    /** A handler named {@code email} that reads its {@code alert.email.*} settings in {@link #start}. */
    public EmailAlertHandler() {
        this.name = KIND;
        this.smtp = Configuration.fromSettings(KIND);
    }

    private EmailAlertHandler(Builder builder) {
        this.name = builder.name == null ? KIND : builder.name;
        this.smtp = Configuration.of(KIND, builder.smtp());
    }

    /** @return a builder; server, from and at least one recipient are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the Jakarta Mail session properties in use (without credentials), for diagnostics and tests
     * @throws IllegalStateException when made with the no-argument constructor and not started
     */
    public Properties sessionProperties() {
        Properties copy = new Properties();
        copy.putAll(smtp.get().session.getProperties());
        return copy;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Reads the {@code alert.email.*} settings, when the handler was made with the no-argument constructor. The
     * SMTP server is first contacted at the first alert.
     *
     * @param context the service's settings
     * @throws MonitorUnavailableException when no {@code alert.email.*} setting is given: not configured
     * @throws IllegalArgumentException naming the key of a missing, unknown or bad setting
     */
    @Override
    public void start(MonitorContext context) throws MonitorUnavailableException {
        smtp.start(context, EmailAlertHandler::fromSettings);
    }

    private static Smtp fromSettings(MonitorContext context) throws MonitorUnavailableException {
        HandlerSettings settings = HandlerSettings.read(context, KIND, "server", "security", "username", "password",
                "from", "to", "subject_prefix", "timeout", "trusted_hosts", "check_server_identity");
        Builder builder = settings.required("server", url -> builder().server(url));
        settings.optional("security", value -> SettingValues.oneOf(value, Security.class), builder::security);
        settings.both("username", "password", builder::credentials);
        settings.required("from", builder::from);
        settings.required("to", recipients -> builder.to(SettingValues.list(recipients)));
        settings.optional("subject_prefix", builder::subjectPrefix);
        settings.optional("timeout", SettingValues::seconds, builder::timeout);
        settings.optional("trusted_hosts", SettingValues::list, builder::trustedHosts);
        settings.optional("check_server_identity", SettingValues::bool, builder::checkServerIdentity);
        return builder.smtp();
    }

    /**
     * Sends the alert as one message to every recipient, over a new connection.
     *
     * @throws MessagingException when the server cannot be reached, refuses TLS or the credentials, or the message
     * @throws IllegalStateException when made with the no-argument constructor and not started
     */
    @Override
    public void handle(Alert alert) throws MessagingException {
        Smtp server = smtp.get();
        MimeMessage message = new MimeMessage(server.session);
        message.setFrom(server.from);
        message.setRecipients(Message.RecipientType.TO, server.to);
        String subject = server.subjectPrefix + " " + alert.level() + ": " + alert.message();
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(body(alert), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(alert.timestamp().toInstant()));
        try (Transport transport = server.session.getTransport(server.protocol())) {
            transport.connect(server.host, server.port, server.username, server.password);
            transport.sendMessage(message, server.to);
        }
    }

    /**
     * @param alert an alert
     * @return the message, a blank line, then one field per line
     */
    static String body(Alert alert) {
        StringBuilder body = new StringBuilder()
                .append(alert.message()).append("\n\n")
                .append("Level:     ").append(alert.level()).append('\n')
                .append("Component: ").append(alert.component()).append('\n')
                .append("Metric:    ").append(alert.metric()).append('\n');
        if (alert.resource() != null) {
            body.append("Resource:  ").append(alert.resource()).append('\n');
        }
        return body.append("Value:     ").append(String.format(Locale.ROOT, "%.2f", alert.value())).append('\n')
                .append("Threshold: ").append(String.format(Locale.ROOT, "%.2f", alert.threshold())).append('\n')
                .append("Time:      ").append(AlertText.timestamp(alert.timestamp())).append('\n')
                .toString();
    }

    @Override
    public String toString() {
        return "EmailAlertHandler[" + name + ", " + smtp + "]";
    }

    /** The server, the credentials and the addresses a handler sends with. */
    private static final class Smtp {
        private final String host;
        private final int port;
        private final Security security;
        private final String username;
        private final String password;
        private final InternetAddress from;
        private final InternetAddress[] to;
        private final String subjectPrefix;
        private final Session session;

        Smtp(Builder builder) {
            this.host = builder.host;
            this.security = builder.security != null ? builder.security
                    : builder.urlSecurity != null ? builder.urlSecurity : Security.STARTTLS;
            this.port = builder.port != null ? builder.port
                    : builder.urlSecurity == Security.SMTPS ? SMTPS_PORT : DEFAULT_PORT;
            this.username = builder.username;
            this.password = builder.password;
            this.from = builder.from;
            this.to = builder.to.toArray(InternetAddress[]::new);
            this.subjectPrefix = builder.subjectPrefix == null ? DEFAULT_SUBJECT_PREFIX : builder.subjectPrefix;
            this.session = Session.getInstance(sessionProperties(builder));
        }

        String protocol() {
            return security == Security.SMTPS ? "smtps" : "smtp";
        }

        private Properties sessionProperties(Builder builder) {
            String prefix = "mail." + protocol() + ".";
            String timeoutMillis = Long.toString((builder.timeout == null ? DEFAULT_TIMEOUT : builder.timeout).toMillis());
            Properties properties = new Properties();
            properties.setProperty(prefix + "host", host);
            properties.setProperty(prefix + "port", Integer.toString(port));
            properties.setProperty(prefix + "auth", Boolean.toString(username != null));
            properties.setProperty(prefix + "starttls.enable", Boolean.toString(security == Security.STARTTLS));
            properties.setProperty(prefix + "starttls.required", Boolean.toString(security == Security.STARTTLS));
            properties.setProperty(prefix + "ssl.checkserveridentity",
                    Boolean.toString(builder.checkServerIdentity == null || builder.checkServerIdentity));
            if (builder.trustedHosts != null) {
                properties.setProperty(prefix + "ssl.trust", String.join(" ", builder.trustedHosts));
            }
            properties.setProperty(prefix + "connectiontimeout", timeoutMillis);
            properties.setProperty(prefix + "timeout", timeoutMillis);
            properties.setProperty(prefix + "writetimeout", timeoutMillis);
            return properties;
        }

        /** Never shows the password. */
        @Override
        public String toString() {
            return protocol() + "://" + host + ":" + port + ", " + security
                    + (username == null ? "" : ", user " + username) + ", to " + to.length;
        }
    }

    /**
     * Configures an {@link EmailAlertHandler}. Each setter checks its value at once and may be called only once;
     * a bad value fails as {@code option: problem, got value}. {@link #server} gives the host, the port when the
     * URL has one, and the security unless {@link #security} gives it; it cannot be combined with {@link #host}.
     */
    public static final class Builder {
        private String name;
        private String server;
        private String host;
        private Integer port;
        private Security urlSecurity;
        private Security security;
        private String username;
        private String password;
        private InternetAddress from;
        private List<InternetAddress> to;
        private String subjectPrefix;
        private Duration timeout;
        private List<String> trustedHosts;
        private Boolean checkServerIdentity;

        private Builder() {}

        /**
         * @param value the handler's name; default {@code "email"}
         * @return this builder
         * @throws IllegalArgumentException when blank
         * @throws IllegalStateException when already set
         */
        public Builder name(String value) {
            Options.once("name", name, value);
            name = Options.notBlank("name", value);
            return this;
        }

        /**
         * Sets host, port and security from a URL: {@code smtp://host[:port]} (STARTTLS, port 587 by default) or
         * {@code smtps://host[:port]} (TLS from the start, port 465 by default).
         *
         * @param url the server URL
         * @return this builder
         * @throws IllegalArgumentException when the URL is malformed
         * @throws IllegalStateException when the server or the host is already set, or the URL has a port and
         *     the port is already set
         */
        public Builder server(String url) {
            Objects.requireNonNull(url, "server");
            Options.once("server", server, url);
            Options.once("server", host, url);
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw Options.invalid("server", "must be a valid URL (" + e.getReason() + " at index " + e.getIndex()
                        + ")", url);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
                throw Options.invalid("server", "must look like smtp://host[:port] or smtps://host[:port]", url);
            }
            if (uri.getHost() == null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())
                    || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
                throw Options.invalid("server", "must be only " + scheme
                        + "://host[:port] (give credentials with credentials(user, password))", url);
            }
            if (uri.getPort() != -1) {
                Options.once("port", port, uri.getPort());
                port = checkedPort("server", uri.getPort());
            }
            urlSecurity = scheme.equals("smtps") ? Security.SMTPS : Security.STARTTLS;
            host = uri.getHost();
            server = url;
            return this;
        }

        /**
         * @param value the SMTP server's host name or address
         * @return this builder
         * @throws IllegalArgumentException when blank or not a host name
         * @throws IllegalStateException when the host is already set, by this method or by {@link #server}
         */
        public Builder host(String value) {
            Options.once("host", host, value);
            Options.notBlank("host", value);
            try {
                if (!value.equals(new URI("smtp", value, null, null).getHost())) {
                    throw new URISyntaxException(value, "not a host name");
                }
            } catch (URISyntaxException e) {
                throw Options.invalid("host", "must be a host name or address", value);
            }
            host = value;
            return this;
        }

        /**
         * @param value the SMTP server's port; default 587, or the one of the {@link #server} URL
         * @return this builder
         * @throws IllegalArgumentException when outside 1–65535
         * @throws IllegalStateException when already set, by this method or by a {@link #server} URL with a port
         */
        public Builder port(int value) {
            Options.once("port", port, value);
            port = checkedPort("port", value);
            return this;
        }

        private static int checkedPort(String option, int value) {
            if (value < 1 || value > 65535) {
                throw Options.invalid(option, "the port must be 1–65535", value);
            }
            return value;
        }

        /**
         * @param value how the connection is protected; default the {@link #server} URL's, else STARTTLS
         * @return this builder
         * @throws IllegalStateException when already set
         */
        public Builder security(Security value) {
            Objects.requireNonNull(value, "security");
            Options.once("security", security, value);
            security = value;
            return this;
        }

        /**
         * Authenticates with the server.
         *
         * @param user the user name
         * @param secret the password
         * @return this builder
         * @throws IllegalArgumentException when the user name is blank
         * @throws IllegalStateException when already set
         */
        public Builder credentials(String user, String secret) {
            Options.onceSecret("credentials", username != null);
            Options.notBlank("credentials", user);
            password = Objects.requireNonNull(secret, "credentials");
            username = user;
            return this;
        }

        /**
         * @param address the sender address
         * @return this builder
         * @throws IllegalArgumentException when not a valid email address
         * @throws IllegalStateException when already set
         */
        public Builder from(String address) {
            Options.once("from", from == null ? null : from.toString(), address);
            from = address("from", address);
            return this;
        }

        /**
         * @param addresses the recipients, at least one
         * @return this builder
         * @throws IllegalArgumentException when none is given, or naming the first address that is not valid
         * @throws IllegalStateException when already set
         */
        public Builder to(String... addresses) {
            Options.once("to", to, String.join(", ", addresses));
            if (addresses.length == 0) {
                throw Options.invalid("to", "must name at least one address", "none");
            }
            List<InternetAddress> recipients = new ArrayList<>();
            for (String address : addresses) {
                recipients.add(address("to", address));
            }
            to = List.copyOf(recipients);
            return this;
        }

        private static InternetAddress address(String option, String value) {
            Options.notBlank(option, value);
            try {
                return new InternetAddress(value, true);
            } catch (AddressException e) {
                throw Options.invalid(option, "must be a valid email address (" + e.getMessage() + ")", value);
            }
        }

        /**
         * @param value put before the level in the subject; default {@code [wsmon]}
         * @return this builder
         * @throws IllegalStateException when already set
         */
        public Builder subjectPrefix(String value) {
            Objects.requireNonNull(value, "subjectPrefix");
            Options.once("subjectPrefix", subjectPrefix, value);
            subjectPrefix = value;
            return this;
        }

        /**
         * @param value connect, read and write timeout; default 10 s
         * @return this builder
         * @throws IllegalArgumentException when not positive
         * @throws IllegalStateException when already set
         */
        public Builder timeout(Duration value) {
            Options.once("timeout", timeout, value);
            timeout = JsonPost.timeout("timeout", value);
            return this;
        }

        /**
         * Trusts these hosts' certificates without checking them against the JDK's trust store, for servers
         * with a self-signed certificate ({@code mail.smtp.ssl.trust}).
         *
         * @param hosts host names or addresses, as given to {@link #host} or {@link #server}
         * @return this builder
         * @throws IllegalArgumentException when a host is blank
         * @throws IllegalStateException when already set
         */
        public Builder trustedHosts(String... hosts) {
            Options.once("trustedHosts", trustedHosts, String.join(", ", hosts));
            for (String trusted : hosts) {
                Options.notBlank("trustedHosts", trusted);
            }
            trustedHosts = List.of(hosts);
            return this;
        }

        /**
         * @param value whether the server's certificate must name the host connected to; default true. Turn off
         *     only for a test server whose certificate names another host.
         * @return this builder
         * @throws IllegalStateException when already set
         */
        public Builder checkServerIdentity(boolean value) {
            Options.once("checkServerIdentity", checkServerIdentity, value);
            checkServerIdentity = value;
            return this;
        }

        /**
         * @return the handler
         * @throws IllegalStateException when the server, the sender or every recipient is missing
         */
        public EmailAlertHandler build() {
            return new EmailAlertHandler(this);
        }

        private Smtp smtp() {
            if (host == null) {
                throw new IllegalStateException("email alert handler needs an SMTP server: call server(url) or host(name)");
            }
            if (from == null) {
                throw new IllegalStateException("email alert handler needs a sender: call from(address)");
            }
            if (to == null) {
                throw new IllegalStateException("email alert handler needs at least one recipient: call to(address...)");
            }
            return new Smtp(this);
        }
    }
}
