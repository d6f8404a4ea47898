package io.wsmon.ws.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made by the JDK's own
 * {@code keytool} (always present, so no test skips for want of it), as a PKCS#12 key store and as PEM
 * files written from it.
 *
 * @param keyStore the PKCS#12 file
 * @param password its password
 * @param certificatePem the certificate as PEM
 * @param keyPem the private key as PEM PKCS#8
 * @param certificate the certificate
 */
public record TestCertificates(Path keyStore, String password, Path certificatePem, Path keyPem,
        X509Certificate certificate) {

    /**
     * Makes a certificate in a directory.
     *
     * @param directory where the files go
     * @param name the files' base name
     * @param keyAlgorithm {@code EC} or {@code RSA}
     * @return the files
     * @throws Exception when keytool fails
     */
    public static TestCertificates generate(Path directory, String name, String keyAlgorithm) throws Exception {
        Path keyStore = directory.resolve(name + ".p12");
        String password = "secret-" + name;
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", "server",
                "-keyalg", keyAlgorithm, "-keysize", keyAlgorithm.equals("EC") ? "256" : "2048",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", password,
                "-keypass", password));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password.toCharArray());
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate("server");
        PrivateKey key = (PrivateKey) store.getKey("server", password.toCharArray());
        Path certificatePem = Files.writeString(directory.resolve(name + "-cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
        Path keyPem = Files.writeString(directory.resolve(name + "-key.pem"), pem("PRIVATE KEY", key.getEncoded()));
        return new TestCertificates(keyStore, password, certificatePem, keyPem, certificate);
    }

    /**
     * A client context that trusts this certificate only.
     *
     * @return the context
     * @throws GeneralSecurityException when the JDK cannot make it
     * @throws IOException never, in practice
     */
    public SSLContext clientContext() throws GeneralSecurityException, IOException {
        return trusting(certificate);
    }

    /**
     * A client context that trusts these certificates only.
     *
     * @param certificates the certificates
     * @return the context
     * @throws GeneralSecurityException when the JDK cannot make it
     * @throws IOException never, in practice
     */
    public static SSLContext trusting(X509Certificate... certificates) throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
            trusted.setCertificateEntry("server-" + i, certificates[i]);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /**
     * Copies this certificate and key over other PEM files, as a renewal would.
     *
     * @param certificateFile the certificate file to replace
     * @param keyFile the key file to replace
     * @throws IOException when writing fails
     */
    public void renew(Path certificateFile, Path keyFile) throws IOException {
        Files.copy(keyPem, keyFile, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(certificatePem, certificateFile, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
