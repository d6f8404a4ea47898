package io.wsmon.alert.handlers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A one-connection SMTP front that offers STARTTLS, performs the TLS upgrade, then relays the encrypted
 * session in clear to a plain SMTP server (GreenMail, which has no STARTTLS of its own). Lets a test prove
 * that the client really upgrades before authenticating and sending.
 */
final class StartTlsProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final SSLContext tls;
    private final int upstreamPort;
    private final Thread thread;
    /** Counted down once the TLS handshake with the client succeeded. */
    final CountDownLatch upgraded = new CountDownLatch(1);

    StartTlsProxy(SSLContext tls, int upstreamPort) throws IOException {
        this.tls = tls;
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serveOne, "starttls-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void serveOne() {
        try (Socket client = listener.accept()) {
            client.setSoTimeout(10_000);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            reply(out, "220 proxy ESMTP ready");
            while (true) {
                String command = readLine(in).toUpperCase();
                if (command.startsWith("EHLO")) {
                    reply(out, "250-proxy\r\n250 STARTTLS");
                } else if (command.equals("STARTTLS")) {
                    reply(out, "220 Go ahead");
                    break;
                } else {
                    reply(out, "530 Must issue a STARTTLS command first");
                }
            }
            SSLSocket secured = (SSLSocket) tls.getSocketFactory()
                    .createSocket(client, client.getInetAddress().getHostAddress(), client.getPort(), true);
            secured.setUseClientMode(false);
            secured.startHandshake();
            upgraded.countDown();
            relay(secured);
        } catch (IOException e) {
            // The client gave up or the test ended; the test's assertions tell what happened.
        }
    }

    /** Connects upstream, drops its greeting (the client already had one) and pipes both ways until either side ends. */
    private void relay(SSLSocket secured) throws IOException {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            upstream.setSoTimeout(10_000);
            readLine(upstream.getInputStream());
            Thread up = new Thread(() -> {
                try {
                    secured.getInputStream().transferTo(upstream.getOutputStream());
                    upstream.shutdownOutput();
                } catch (IOException e) {
                    // Either side closed.
                }
            }, "starttls-proxy-up");
            up.setDaemon(true);
            up.start();
            upstream.getInputStream().transferTo(secured.getOutputStream());
        }
    }

    private static void reply(OutputStream out, String lines) throws IOException {
        out.write((lines + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one CRLF-terminated line byte by byte, so nothing after it is consumed. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        thread.interrupt();
    }
}
