package io.wsmon.ws.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads PEM files: a certificate chain, and a PKCS#8 private key. */
final class PemFiles {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "EdDSA", "RSASSA-PSS", "DSA", "XDH");

    private PemFiles() {}

    /**
     * The certificates of a PEM file, the server's own first.
     *
     * @param option the option that named the file
     * @param file the file
     * @return the chain, not empty
     * @throws TlsFileException when the file cannot be read or holds no valid certificate
     */
    static List<X509Certificate> certificates(String option, Path file) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(option, file)) {
                if (block.type().equals("CERTIFICATE")) {
                    chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                }
            }
        } catch (CertificateException e) {
            throw new TlsFileException(option, file, "not a valid PEM certificate (" + e.getMessage() + ")", e);
        }
        if (chain.isEmpty()) {
            throw new TlsFileException(option, file, "no '-----BEGIN CERTIFICATE-----' block in the file", null);
        }
        return chain;
    }

    /**
     * The private key of a PEM file in PKCS#8 form ({@code BEGIN PRIVATE KEY}).
     *
     * @param option the option that named the file
     * @param file the file
     * @return the key
     * @throws TlsFileException when the file cannot be read or holds no usable key
     */
    static PrivateKey privateKey(String option, Path file) {
        for (Block block : blocks(option, file)) {
            switch (block.type()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(option, file, block.der());
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new TlsFileException(option, file,
                        "the key is encrypted; give an unencrypted PKCS#8 key"
                                + " (openssl pkcs8 -topk8 -nocrypt) or a PKCS#12 key store with a password", null);
                case "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY" -> throw new TlsFileException(option, file,
                        "not a PKCS#8 key (BEGIN " + block.type() + "); convert it with"
                                + " openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY8", null);
                default -> { }
            }
        }
        throw new TlsFileException(option, file, "no '-----BEGIN PRIVATE KEY-----' block in the file", null);
    }

    private static PrivateKey pkcs8(String option, Path file, byte[] der) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm; try the next
            }
        }
        throw new TlsFileException(option, file, "not a PKCS#8 private key of a known algorithm " + KEY_ALGORITHMS, null);
    }

    private static List<Block> blocks(String option, Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new TlsFileException(option, file, "cannot read the file (" + e + ")", e);
        }
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            try {
                blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
            } catch (IllegalArgumentException e) {
                throw new TlsFileException(option, file, "bad base64 in a " + matcher.group(1) + " block", e);
            }
        }
        if (blocks.isEmpty()) {
            throw new TlsFileException(option, file, "not a PEM file (no -----BEGIN ...----- block)", null);
        }
        return blocks;
    }

    /** One PEM block: its type and its decoded bytes. */
    private record Block(String type, byte[] der) {}
}
