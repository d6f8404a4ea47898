package io.wsmon.ws.tls;

/**
 * TLS 1.2 lets a client ask for a new handshake at any time on an open connection, each one costing the
 * server a full key exchange on the client's say-so: the JDK allows it unless
 * {@value #PROPERTY} is {@code true}. The server sets it before its first TLS context, unless the user set
 * it (then the user's choice stands). The JDK reads it once, at the first server handshake of the process.
 * TLS 1.3 has no renegotiation.
 */
final class ClientRenegotiation {

    /** The JDK's system property. */
    static final String PROPERTY = "jdk.tls.rejectClientInitiatedRenegotiation";

    private ClientRenegotiation() {}

    /** Sets {@value #PROPERTY} to {@code true} when it is not set. */
    static void refuseUnlessConfigured() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
