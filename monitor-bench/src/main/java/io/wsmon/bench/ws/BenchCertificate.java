package io.wsmon.bench.ws;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed EC certificate for {@code 127.0.0.1} made by the JDK's {@code keytool} for a TLS load run:
 * the server reads the PKCS#12 key store, the clients trust the certificate alone.
 *
 * @param keyStore the PKCS#12 file
 * @param password its password
 */
record BenchCertificate(Path keyStore, String password) {

    /**
     * Makes the certificate in a new temporary directory, deleted when this JVM exits.
     *
     * @return the key store
     * @throws IOException when keytool fails
     * @throws InterruptedException when interrupted while keytool runs
     */
    static BenchCertificate generate() throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("wsmon-bench-tls");
        Path keyStore = directory.resolve("server.p12");
        String password = "bench-" + ProcessHandle.current().pid();
        Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-keysize", "256", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            keytool.destroyForcibly();
            throw new IOException("keytool failed: " + output);
        }
        keyStore.toFile().deleteOnExit();
        directory.toFile().deleteOnExit();
        return new BenchCertificate(keyStore, password);
    }

    /**
     * A client context that trusts this certificate only.
     *
     * @return the context
     * @throws IOException when the key store cannot be read
     * @throws GeneralSecurityException when the JDK cannot make the context
     */
    SSLContext clientContext() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password.toCharArray());
        }
        Certificate certificate = store.getCertificate("server");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
