package io.wsmon.ws.tls;

import io.wsmon.core.format.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * What the server proves itself with over TLS: an {@link SSLContext} the embedder made, or files read
 * by the server: a PEM certificate chain with its PEM PKCS#8 key, or a PKCS#12 key store. Files are
 * checked when the server starts (a bad one fails it, naming the file) and watched afterwards: a renewed
 * certificate is served to new connections within {@link #checkInterval()}, connected clients keep
 * theirs.
 *
 * <pre>{@code
 * WebSocketServer.builder(service).tls(TlsIdentity.pem(Path.of("fullchain.pem"), Path.of("key.pem"))).start();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class TlsIdentity {

    /** How often files are checked for a renewal unless told otherwise. */
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(10);

    private static final char[] MEMORY_PASSWORD = "wsmon".toCharArray();

    private final SSLContext context;
    private final Path certificate;
    private final Path key;
    private final Path keyStore;
    private final char[] password;
    private final Duration checkInterval;

    private TlsIdentity(SSLContext context, Path certificate, Path key, Path keyStore, char[] password,
            Duration checkInterval) {
        this.context = context;
        this.certificate = certificate;
        this.key = key;
        this.keyStore = keyStore;
        this.password = password;
        this.checkInterval = checkInterval;
    }

    /**
     * A context made by the embedder, used as it is (never reloaded). Whatever protocols it allows, the
     * server speaks only TLS 1.2 and 1.3.
     *
     * @param context an initialized context with a key manager
     * @return the identity
     */
    public static TlsIdentity of(SSLContext context) {
        return new TlsIdentity(Objects.requireNonNull(context, "tls"), null, null, null, null, DEFAULT_CHECK_INTERVAL);
    }

    /**
     * A PEM certificate chain (the server's certificate first, then its intermediates) and its PEM PKCS#8
     * private key ({@code -----BEGIN PRIVATE KEY-----}), as {@code --tls-cert} and {@code --tls-key}.
     *
     * @param certificateChain the chain file
     * @param privateKey the key file
     * @return the identity
     */
    public static TlsIdentity pem(Path certificateChain, Path privateKey) {
        return new TlsIdentity(null, Objects.requireNonNull(certificateChain, "tls_cert"),
                Objects.requireNonNull(privateKey, "tls_key"), null, null, DEFAULT_CHECK_INTERVAL);
    }

    /**
     * A PKCS#12 key store holding one private key with its chain, as {@code --tls-keystore}.
     *
     * @param keyStore the key store file
     * @param password its password (also the key's); the identity keeps a copy
     * @return the identity
     */
    public static TlsIdentity pkcs12(Path keyStore, char[] password) {
        return new TlsIdentity(null, null, null, Objects.requireNonNull(keyStore, "tls_keystore"),
                Objects.requireNonNull(password, "tls_keystore_password").clone(), DEFAULT_CHECK_INTERVAL);
    }

    /**
     * The same identity, its files checked for a renewal this often.
     *
     * @param interval positive; default 10 s
     * @return a new identity
     */
    public TlsIdentity checkEvery(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("tls check interval: must be a positive duration, got "
                    + (interval == null ? null : Durations.format(interval)));
        }
        return new TlsIdentity(context, certificate, key, keyStore, password, interval);
    }

    /**
     * How often the files are checked for a renewal.
     *
     * @return the interval
     */
    public Duration checkInterval() {
        return checkInterval;
    }

    /**
     * The files a renewal would change; none for an embedder's context.
     *
     * @return the files
     */
    public List<Path> files() {
        if (context != null) {
            return List.of();
        }
        return keyStore != null ? List.of(keyStore) : List.of(certificate, key);
    }

    /**
     * Reads the files now and makes a context from them, after checking that the key matches the
     * certificate; an embedder's context is returned as it is. First sets the JDK's
     * {@code jdk.tls.rejectClientInitiatedRenegotiation} to {@code true} unless it is set: a TLS 1.2 client
     * cannot make the server renegotiate.
     *
     * @return the context
     * @throws TlsFileException naming the file that is missing, unreadable, malformed, locked with another
     *     password, or whose key does not match the certificate
     */
    public SSLContext load() {
        ClientRenegotiation.refuseUnlessConfigured();
        if (context != null) {
            return context;
        }
        Entry entry = keyStore != null ? fromKeyStore() : fromPem();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", entry.key(), MEMORY_PASSWORD, entry.chain().toArray(new Certificate[0]));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, MEMORY_PASSWORD);
            SSLContext made = SSLContext.getInstance("TLS");
            made.init(keyManagers.getKeyManagers(), null, null);
            return made;
        } catch (GeneralSecurityException | IOException e) {
            Path file = keyStore != null ? keyStore : certificate;
            throw new TlsFileException(keyStore != null ? "tls_keystore" : "tls_cert", file,
                    "cannot make a TLS context from it (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String toString() {
        if (context != null) {
            return "TLS context " + context.getProtocol() + " given by the embedder";
        }
        return keyStore != null ? "key store " + keyStore : "certificate " + certificate + " with key " + key;
    }

    private Entry fromPem() {
        List<X509Certificate> chain = PemFiles.certificates("tls_cert", certificate);
        PrivateKey privateKey = PemFiles.privateKey("tls_key", key);
        if (!matches(privateKey, chain.get(0))) {
            throw new TlsFileException("tls_key", key, "the key does not match the certificate in " + certificate, null);
        }
        return new Entry(privateKey, chain);
    }

    /** Why a key store could not be read; the JDK's parser often fails on a file of another kind without a message. */
    private static String unreadableKeyStore(Exception e) {
        return "cannot read a PKCS#12 key store (" + (e.getMessage() == null ? "not a PKCS#12 file" : e.getMessage()) + ")";
    }

    private Entry fromKeyStore() {
        KeyStore store;
        try (InputStream in = Files.newInputStream(keyStore)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException e) {
            boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException;
            throw new TlsFileException(wrongPassword ? "tls_keystore_password" : "tls_keystore", keyStore,
                    wrongPassword ? "wrong password for the key store" : unreadableKeyStore(e), e);
        } catch (GeneralSecurityException e) {
            throw new TlsFileException("tls_keystore", keyStore, unreadableKeyStore(e), e);
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key found = store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (!(found instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
                    continue;
                }
                List<X509Certificate> certificates = new ArrayList<>();
                for (Certificate c : chain) {
                    certificates.add((X509Certificate) c);
                }
                if (!matches(privateKey, certificates.get(0))) {
                    throw new TlsFileException("tls_keystore", keyStore,
                            "the key of entry '" + alias + "' does not match its certificate", null);
                }
                return new Entry(privateKey, certificates);
            }
        } catch (UnrecoverableKeyException e) {
            throw new TlsFileException("tls_keystore_password", keyStore, "the key's password differs from the store's", e);
        } catch (GeneralSecurityException e) {
            throw new TlsFileException("tls_keystore", keyStore, "cannot read its key (" + e.getMessage() + ")", e);
        }
        throw new TlsFileException("tls_keystore", keyStore, "no private key with a certificate chain in the key store", null);
    }

    /** Signs a random challenge with the key and verifies it with the certificate. */
    private static boolean matches(PrivateKey privateKey, X509Certificate certificate) {
        try {
            Signature signer = signature(privateKey.getAlgorithm());
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signed = signer.sign();
            Signature verifier = signature(privateKey.getAlgorithm());
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signed);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static Signature signature(String keyAlgorithm) throws GeneralSecurityException {
        switch (keyAlgorithm) {
            case "RSA" -> {
                return Signature.getInstance("SHA256withRSA");
            }
            case "EC" -> {
                return Signature.getInstance("SHA256withECDSA");
            }
            case "DSA" -> {
                return Signature.getInstance("SHA256withDSA");
            }
            case "RSASSA-PSS" -> {
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                return pss;
            }
            default -> {
                return Signature.getInstance(keyAlgorithm);
            }
        }
    }

    /** A key and its chain, the server's certificate first. */
    private record Entry(PrivateKey key, List<X509Certificate> chain) {}
}
