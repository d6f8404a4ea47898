/**
 * TLS on the server's port: {@link io.wsmon.ws.tls.TlsIdentity} (the certificate: an embedder's
 * {@code SSLContext}, PEM files or a PKCS#12 key store, reloaded when renewed on disk),
 * {@link io.wsmon.ws.tls.TlsSessions} (one server's engines and handshake threads) and
 * {@link io.wsmon.ws.tls.TlsTransport} (the {@code SSLEngine} between a socket and its connection, on the
 * event loop).
 */
package io.wsmon.ws.tls;
