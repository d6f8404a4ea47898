package io.wsmon.alert.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.core.alert.TestAlerts;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailAlertHandlerTest {

    private static final String USER = "monitor@example.com";
    private static final String PASSWORD = "app_password";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS)})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, "monitor", PASSWORD))
            .withPerMethodLifecycle(true);

    private static EmailAlertHandler.Builder toGreenMail() {
        return toGreenMail(MAIL.getSmtp().getPort(), PASSWORD);
    }

    /** GreenMail's user on 127.0.0.1 at that port, the sender and two recipients. */
    private static EmailAlertHandler.Builder toGreenMail(int port, String password) {
        return addressed(EmailAlertHandler.builder().host("127.0.0.1").port(port)).credentials("monitor", password);
    }

    private static EmailAlertHandler.Builder addressed(EmailAlertHandler.Builder builder) {
        return builder.from(USER).to("admin@example.com", "ops@example.com").timeout(Duration.ofSeconds(5));
    }

    private static MimeMessage onlyMessage() {
        assertThat(MAIL.waitForIncomingEmail(5_000, 2)).as("mail for both recipients within 5 s").isTrue();
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(2);
        return received[0];
    }

    @Test
    void handle_plainSmtpWithAuth_deliversSubjectAndBody() throws Exception {
        toGreenMail().security(EmailAlertHandler.Security.NONE).build().handle(TestAlerts.diskCritical());

        MimeMessage message = onlyMessage();
        assertThat(message.getSubject()).isEqualTo("[wsmon] CRITICAL: Critical disk usage: 96.2% (threshold: 95.0%)");
        assertThat(message.getFrom()[0].toString()).isEqualTo(USER);
        assertThat(message.getAllRecipients()).extracting(Object::toString)
                .containsExactly("admin@example.com", "ops@example.com");
        assertThat(GreenMailUtil.getBody(message).replace("\r\n", "\n")).isEqualTo("""
                Critical disk usage: 96.2% (threshold: 95.0%)

                Level:     CRITICAL
                Component: disk
                Metric:    usage_percent
                Resource:  /data
                Value:     96.20
                Threshold: 95.00
                Time:      2026-01-03T10:15:30.123456+01:00""");
    }

    @Test
    void handle_wrongPassword_failsWithAuthenticationError() {
        EmailAlertHandler handler = toGreenMail(MAIL.getSmtp().getPort(), "wrong")
                .security(EmailAlertHandler.Security.NONE).build();

        assertThatThrownBy(() -> handler.handle(TestAlerts.memoryWarning()))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void handle_starttlsRequiredButNotOffered_refusesToSendInClear() {
        EmailAlertHandler handler = toGreenMail().build();

        assertThatThrownBy(() -> handler.handle(TestAlerts.memoryWarning()))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("STARTTLS is required but host does not support STARTTLS");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void handle_starttls_upgradesThenAuthenticatesAndDelivers() throws Exception {
        try (StartTlsProxy proxy = new StartTlsProxy(greenMailTls(), MAIL.getSmtp().getPort())) {
            EmailAlertHandler handler = toGreenMail(proxy.port(), PASSWORD)
                    .trustedHosts("127.0.0.1").checkServerIdentity(false).build();

            handler.handle(TestAlerts.memoryWarning());

            assertThat(proxy.upgraded.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(onlyMessage().getSubject()).isEqualTo("[wsmon] WARNING: High memory usage: 85.5% (threshold: 80.0%)");
    }

    @Test
    void handle_starttlsCertificateNotNamingTheHost_isRefusedByDefault() throws Exception {
        try (StartTlsProxy proxy = new StartTlsProxy(greenMailTls(), MAIL.getSmtp().getPort())) {
            EmailAlertHandler handler = toGreenMail(proxy.port(), PASSWORD).trustedHosts("127.0.0.1").build();

            assertThatThrownBy(() -> handler.handle(TestAlerts.memoryWarning()))
                    .isInstanceOf(MessagingException.class)
                    .hasMessageContaining("Could not convert socket to TLS")
                    .hasRootCauseMessage("No subject alternative names present");
        }
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void handle_smtps_deliversOverTlsFromTheStart() throws Exception {
        String server = "smtps://127.0.0.1:" + MAIL.getSmtps().getPort();
        EmailAlertHandler handler = addressed(EmailAlertHandler.builder().server(server)).credentials("monitor", PASSWORD)
                .trustedHosts("127.0.0.1").checkServerIdentity(false).build();

        handler.handle(TestAlerts.memoryWarning());

        assertThat(onlyMessage().getSubject()).isEqualTo("[wsmon] WARNING: High memory usage: 85.5% (threshold: 80.0%)");
    }

    @Test
    void sessionProperties_default_requireStarttlsOnPort587() {
        EmailAlertHandler handler = EmailAlertHandler.builder().server("smtp://smtp.example.com")
                .credentials("monitor", PASSWORD).from(USER).to("admin@example.com").build();

        assertThat(handler.sessionProperties())
                .containsEntry("mail.smtp.host", "smtp.example.com")
                .containsEntry("mail.smtp.port", "587")
                .containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtp.connectiontimeout", "10000")
                .doesNotContainValue(PASSWORD);
    }

    @Test
    void server_smtpsWithoutPort_usesPort465() {
        EmailAlertHandler handler = EmailAlertHandler.builder().server("smtps://smtp.example.com")
                .from(USER).to("admin@example.com").build();

        assertThat(handler.sessionProperties())
                .containsEntry("mail.smtps.port", "465")
                .containsEntry("mail.smtps.auth", "false")
                .containsEntry("mail.smtps.starttls.enable", "false");
    }

    @Test
    void server_missingColon_isRejectedNamingTheUrl() {
        assertThatThrownBy(() -> EmailAlertHandler.builder().server("smtp//smtp.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("server: must look like smtp://host[:port] or smtps://host[:port], got 'smtp//smtp.example.com'");
    }

    @Test
    void server_withPath_isRejected() {
        assertThatThrownBy(() -> EmailAlertHandler.builder().server("smtp://smtp.example.com/inbox"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("server: must be only smtp://host[:port] (give credentials with credentials(user, password)),"
                        + " got 'smtp://smtp.example.com/inbox'");
    }

    @Test
    void server_portOutOfRange_isRejected() {
        assertThatThrownBy(() -> EmailAlertHandler.builder().server("smtp://smtp.example.com:70000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("server: the port must be 1–65535, got 70000");
    }

    @Test
    void host_withSpace_isRejected() {
        assertThatThrownBy(() -> EmailAlertHandler.builder().host("smtp example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host: must be a host name or address, got 'smtp example.com'");
    }

    @Test
    void to_invalidAddress_isRejectedNamingIt() {
        assertThatThrownBy(() -> EmailAlertHandler.builder().to("admin@example.com", "ops@@example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("to: must be a valid email address (")
                .hasMessageEndingWith("), got 'ops@@example.com'");
    }

    @Test
    void build_withoutRecipient_isRejected() {
        assertThatThrownBy(() -> EmailAlertHandler.builder().host("smtp.example.com").from(USER).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("email alert handler needs at least one recipient: call to(address...)");
    }

    /** A server-side TLS context holding GreenMail's self-signed test certificate. */
    private static SSLContext greenMailTls() throws Exception {
        KeyStore keys = new DummySSLServerSocketFactory().getKeyStore();
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    @Test
    void start_settings_authenticateAndDeliverToEveryRecipient() throws Exception {
        EmailAlertHandler handler = new EmailAlertHandler();
        handler.start(Settings.of(
                "alert.email.server", "smtp://127.0.0.1:" + MAIL.getSmtp().getPort(),
                "alert.email.security", "none",
                "alert.email.username", "monitor",
                "alert.email.password", PASSWORD,
                "alert.email.from", USER,
                "alert.email.to", "admin@example.com, ops@example.com",
                "alert.email.subject_prefix", "[prod]",
                "alert.email.timeout", "5"));

        handler.handle(TestAlerts.diskCritical());

        MimeMessage message = onlyMessage();
        assertThat(handler.name()).isEqualTo("email");
        assertThat(message.getSubject()).isEqualTo("[prod] CRITICAL: Critical disk usage: 96.2% (threshold: 95.0%)");
        assertThat(message.getAllRecipients()).extracting(Object::toString)
                .containsExactly("admin@example.com", "ops@example.com");
        assertThat(handler.sessionProperties()).containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.starttls.required", "false")
                .containsEntry("mail.smtp.connectiontimeout", "5000");
    }

    @Test
    void start_smtpsSettings_setTlsTrustAndIdentityCheck() throws Exception {
        EmailAlertHandler handler = new EmailAlertHandler();
        handler.start(Settings.of("alert.email.server", "smtps://smtp.example.com", "alert.email.from", USER,
                "alert.email.to", "admin@example.com", "alert.email.trusted_hosts", "smtp.example.com",
                "alert.email.check_server_identity", "FALSE"));

        assertThat(handler.sessionProperties())
                .containsEntry("mail.smtps.port", "465")
                .containsEntry("mail.smtps.ssl.trust", "smtp.example.com")
                .containsEntry("mail.smtps.ssl.checkserveridentity", "false")
                .containsEntry("mail.smtps.auth", "false");
    }

    /** Starts a handler from the required settings plus more keys and values, for the bad ones. */
    private static void startWithRequiredSettingsAnd(String... moreKeysAndValues) throws Exception {
        List<String> settings = new ArrayList<>(List.of("alert.email.server", "smtp://smtp.example.com",
                "alert.email.from", USER, "alert.email.to", "admin@example.com"));
        settings.addAll(List.of(moreKeysAndValues));
        new EmailAlertHandler().start(Settings.of(settings.toArray(String[]::new)));
    }

    @Test
    void start_serverAndRecipientButNoSender_failsNamingTheMissingKey() {
        assertThatThrownBy(() -> new EmailAlertHandler().start(Settings.of("alert.email.server", "smtp://smtp.example.com",
                        "alert.email.to", "admin@example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert.email.from is not set, but alert.email.server, alert.email.to are");
    }

    @Test
    void start_usernameWithoutPassword_failsNamingThePassword() {
        assertThatThrownBy(() -> startWithRequiredSettingsAnd("alert.email.username", "monitor"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert.email.password is not set, but alert.email.username is: give both or neither");
    }

    @Test
    void start_malformedServerSetting_failsWithTheBuilderMessageUnderTheKey() {
        assertThatThrownBy(() -> new EmailAlertHandler().start(Settings.of("alert.email.server", "smtp.example.com:587")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert.email.server: must look like smtp://host[:port] or smtps://host[:port], "
                        + "got 'smtp.example.com:587'");
    }

    @Test
    void start_badRecipientSetting_failsWithTheBuilderMessageUnderTheKey() {
        assertThatThrownBy(() -> startWithRequiredSettingsAnd("alert.email.to", "admin@example.com, ops@@example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("alert.email.to: must be a valid email address (")
                .hasMessageEndingWith("), got 'ops@@example.com'");
    }

    @Test
    void start_unknownSecuritySetting_failsListingTheChoices() {
        assertThatThrownBy(() -> startWithRequiredSettingsAnd("alert.email.security", "tls"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert.email.security: must be one of starttls, smtps, none, got 'tls'");
    }

    @Test
    void start_identityCheckSettingNotABoolean_failsNamingTheKey() {
        assertThatThrownBy(() -> startWithRequiredSettingsAnd("alert.email.check_server_identity", "yes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert.email.check_server_identity: must be true or false, got 'yes'");
    }

    @Test
    void start_noEmailSetting_isNotConfigured() {
        assertThatThrownBy(() -> new EmailAlertHandler().start(Settings.of()))
                .isInstanceOf(MonitorUnavailableException.class)
                .hasMessage("alert.email.server is not set");
    }

    @Test
    void server_setTwice_isRejectedNamingBothValues() {
        EmailAlertHandler.Builder builder = EmailAlertHandler.builder().server("smtp://a.example.com");

        assertThatThrownBy(() -> builder.server("smtp://b.example.com"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("server: already set to 'smtp://a.example.com', got 'smtp://b.example.com'");
    }

    @Test
    void server_afterHost_isRejectedNamingTheHost() {
        EmailAlertHandler.Builder builder = EmailAlertHandler.builder().host("a.example.com");

        assertThatThrownBy(() -> builder.server("smtp://b.example.com"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("server: already set to 'a.example.com', got 'smtp://b.example.com'");
    }

    @Test
    void host_afterServer_isRejectedNamingBothValues() {
        EmailAlertHandler.Builder builder = EmailAlertHandler.builder().server("smtp://a.example.com");

        assertThatThrownBy(() -> builder.host("b.example.com"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("host: already set to 'a.example.com', got 'b.example.com'");
    }

    @Test
    void port_afterServerWithPort_isRejectedNamingBothValues() {
        EmailAlertHandler.Builder builder = EmailAlertHandler.builder().server("smtp://smtp.example.com:2525");

        assertThatThrownBy(() -> builder.port(25))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("port: already set to 2525, got 25");
    }

    @Test
    void port_afterServerWithoutPort_replacesTheSchemesDefault() {
        EmailAlertHandler handler = EmailAlertHandler.builder().server("smtps://smtp.example.com").port(2465)
                .from(USER).to("admin@example.com").build();

        assertThat(handler.sessionProperties()).containsEntry("mail.smtps.port", "2465");
    }

    @Test
    void port_outOfRange_isRejected() {
        assertThatThrownBy(() -> EmailAlertHandler.builder().port(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port: the port must be 1–65535, got 0");
    }

    @Test
    void security_setTwice_isRejectedNamingBothValues() {
        EmailAlertHandler.Builder builder = EmailAlertHandler.builder().security(EmailAlertHandler.Security.SMTPS);

        assertThatThrownBy(() -> builder.security(EmailAlertHandler.Security.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("security: already set to SMTPS, got NONE");
    }

    @Test
    void credentials_setTwice_isRejectedWithoutShowingThem() {
        EmailAlertHandler.Builder builder = EmailAlertHandler.builder().credentials(USER, "first-secret");

        assertThatThrownBy(() -> builder.credentials("other@example.com", "second-secret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("credentials: already set");
    }

    @Test
    void credentials_blankUser_isRejected() {
        assertThatThrownBy(() -> EmailAlertHandler.builder().credentials(" ", "secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("credentials: must not be blank, got ' '");
    }

    @Test
    void from_setTwice_isRejectedNamingBothValues() {
        EmailAlertHandler.Builder builder = EmailAlertHandler.builder().from(USER);

        assertThatThrownBy(() -> builder.from("other@example.com"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("from: already set to '" + USER + "', got 'other@example.com'");
    }

    @Test
    void to_setTwice_isRejectedNamingBothValues() {
        EmailAlertHandler.Builder builder = EmailAlertHandler.builder().to("admin@example.com", "ops@example.com");

        assertThatThrownBy(() -> builder.to("dev@example.com"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("to: already set to [admin@example.com, ops@example.com], got 'dev@example.com'");
    }

    @Test
    void to_noAddress_isRejected() {
        assertThatThrownBy(() -> EmailAlertHandler.builder().to())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("to: must name at least one address, got 'none'");
    }

    @Test
    void subjectPrefix_setTwice_isRejectedNamingBothValues() {
        EmailAlertHandler.Builder builder = EmailAlertHandler.builder().subjectPrefix("[prod]");

        assertThatThrownBy(() -> builder.subjectPrefix("[dev]"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("subjectPrefix: already set to '[prod]', got '[dev]'");
    }

    @Test
    void timeout_zero_isRejected() {
        assertThatThrownBy(() -> EmailAlertHandler.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout: must be positive, got 0ms");
    }

    @Test
    void timeout_setTwice_isRejectedNamingBothValues() {
        EmailAlertHandler.Builder builder = EmailAlertHandler.builder().timeout(Duration.ofSeconds(10));

        assertThatThrownBy(() -> builder.timeout(Duration.ofSeconds(20)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("timeout: already set to 10s, got 20s");
    }

    @Test
    void trustedHosts_blankHost_isRejected() {
        assertThatThrownBy(() -> EmailAlertHandler.builder().trustedHosts("a.example.com", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trustedHosts: must not be blank, got ''");
    }

    @Test
    void trustedHosts_setTwice_isRejectedNamingBothValues() {
        EmailAlertHandler.Builder builder = EmailAlertHandler.builder().trustedHosts("a.example.com");

        assertThatThrownBy(() -> builder.trustedHosts("b.example.com"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("trustedHosts: already set to [a.example.com], got 'b.example.com'");
    }

    @Test
    void checkServerIdentity_setTwice_isRejectedNamingBothValues() {
        EmailAlertHandler.Builder builder = EmailAlertHandler.builder().checkServerIdentity(false);

        assertThatThrownBy(() -> builder.checkServerIdentity(true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("checkServerIdentity: already set to false, got true");
    }

    @Test
    void name_setTwice_isRejectedNamingBothValues() {
        EmailAlertHandler.Builder builder = EmailAlertHandler.builder().name("pager");

        assertThatThrownBy(() -> builder.name("other"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("name: already set to 'pager', got 'other'");
    }
}
