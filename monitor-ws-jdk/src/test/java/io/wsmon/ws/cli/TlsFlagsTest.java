package io.wsmon.ws.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.ws.testkit.TestCertificates;
import io.wsmon.ws.tls.TlsIdentity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS flags and keys: how they combine, and exit 2 naming the file for each file that cannot be used. */
class TlsFlagsTest {

    @TempDir
    static Path dir;
    private static TestCertificates ec;
    private static TestCertificates rsa;

    @BeforeAll
    static void makeCertificates() throws Exception {
        ec = TestCertificates.generate(dir, "ec", "EC");
        rsa = TestCertificates.generate(dir, "rsa", "RSA");
    }

    @Test
    void certAndKeyFlags_makeAPemIdentity() throws UsageException {
        ServerSettings s = SettingsResolver.resolve(new String[] {"--tls-cert", ec.certificatePem().toString(),
                "--tls-key", ec.keyPem().toString()}, Map.of()).settings();

        assertThat(s.tls().files()).containsExactly(ec.certificatePem(), ec.keyPem());
        assertThat(s.tls().load().getProtocol()).isEqualTo("TLS");
    }

    @Test
    void keyStoreKey_withThePasswordFromTheEnvironment_makesAPkcs12Identity() throws Exception {
        Path config = Files.writeString(dir.resolve("tls.properties"), "tls_keystore=" + rsa.keyStore() + "\n");
        ServerSettings s = SettingsResolver.resolve(new String[] {"--config", config.toString()},
                Map.of("WSMON_TLS_KEYSTORE_PASSWORD", rsa.password())).settings();

        assertThat(s.tls().files()).containsExactly(rsa.keyStore());
        assertThat(s.tls().load()).isNotNull();
    }

    @Test
    void noTlsSetting_leavesThePortPlain() throws UsageException {
        assertThat(SettingsResolver.resolve(new String[0], Map.of()).settings().tls()).isNull();
    }

    @Test
    void certWithoutKey_orBothKindsOfIdentity_isAUsageError() {
        assertThatThrownBy(() -> SettingsResolver.resolve(new String[] {"--tls-cert", "a.pem"}, Map.of()))
                .isInstanceOf(UsageException.class).hasMessage("tls_cert: needs tls_key (--tls-key) too, got only a.pem");
        assertThatThrownBy(() -> SettingsResolver.resolve(new String[] {"--tls-cert", "a.pem", "--tls-key", "k.pem",
                "--tls-keystore", "s.p12"}, Map.of()))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("tls_keystore: give either a key store");
        assertThatThrownBy(() -> SettingsResolver.resolve(new String[0], Map.of("WSMON_TLS_KEYSTORE_PASSWORD", "x")))
                .isInstanceOf(UsageException.class).hasMessage("tls_keystore_password: set without tls_keystore");
    }

    @Test
    void missingCertificateFile_exits2NamingIt() {
        Path missing = dir.resolve("missing.pem");
        Result result = run("--tls-cert", missing.toString(), "--tls-key", ec.keyPem().toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("tls_cert: cannot read the file").contains(missing.toString());
    }

    @Test
    void keyOfAnotherCertificate_exits2NamingTheKey() {
        Result result = run("--tls-cert", ec.certificatePem().toString(), "--tls-key", rsa.keyPem().toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("tls_key: the key does not match the certificate in " + ec.certificatePem())
                .contains(rsa.keyPem().toString());
    }

    @Test
    void wrongKeyStorePassword_exits2NamingTheKeyStore() {
        Result result = run("--tls-keystore", rsa.keyStore().toString(), "--tls-keystore-password", "wrong");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("tls_keystore_password: wrong password for the key store, got " + rsa.keyStore());
    }

    @Test
    void notPemFiles_exit2NamingTheFile() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        Result cert = run("--tls-cert", text.toString(), "--tls-key", ec.keyPem().toString());
        Result key = run("--tls-cert", ec.certificatePem().toString(), "--tls-key", ec.certificatePem().toString());
        Result store = run("--tls-keystore", text.toString(), "--tls-keystore-password", "x");

        assertThat(cert.code()).isEqualTo(2);
        assertThat(cert.err()).contains("tls_cert: not a PEM file").contains(text.toString());
        assertThat(key.code()).isEqualTo(2);
        assertThat(key.err()).contains("tls_key: no '-----BEGIN PRIVATE KEY-----' block").contains(ec.certificatePem().toString());
        assertThat(store.code()).isEqualTo(2);
        assertThat(store.err()).contains("tls_keystore: cannot read a PKCS#12 key store (not a PKCS#12 file), got "
                + text);
    }

    @Test
    void pkcs1Key_exits2SayingHowToConvertIt() throws Exception {
        Path pkcs1 = Files.writeString(dir.resolve("rsa1.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        Result result = run("--tls-cert", rsa.certificatePem().toString(), "--tls-key", pkcs1.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("tls_key: not a PKCS#8 key (BEGIN RSA PRIVATE KEY); convert it with openssl pkcs8");
    }

    @Test
    void checkInterval_mustBePositive() {
        TlsIdentity identity = TlsIdentity.pem(ec.certificatePem(), ec.keyPem());
        assertThatThrownBy(() -> identity.checkEvery(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tls check interval: must be a positive duration, got 0ms");
    }

    private static Result run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ServerCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new StopSignal());
        return new Result(code, err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String err) {}
}
