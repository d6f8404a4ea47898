package io.wsmon.ws.testkit;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A WebSocket client on a plain blocking socket that sends exactly the bytes a test gives it, for
 * handshake and framing cases a real client would never produce. Every read has a 5 s timeout.
 */
public final class RawClient implements AutoCloseable {

    /** A valid Sec-WebSocket-Key. */
    public static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to the server on loopback.
     *
     * @param port the server's port
     * @return the client
     * @throws IOException when the connection fails
     */
    public static RawClient connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        return new RawClient(socket);
    }

    /**
     * A valid opening handshake with extra header lines.
     *
     * @param extraHeaders header lines, each ending in CRLF, added before the blank line
     * @return the request text
     */
    public static String handshake(String extraHeaders) {
        return "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n";
    }

    /**
     * Connects and completes a valid handshake, then reads the welcome message.
     *
     * @param port the server's port
     * @return the open client
     * @throws IOException when the server does not answer 101 and a welcome
     */
    public static RawClient open(int port) throws IOException {
        RawClient client = connect(port);
        client.write(handshake(""));
        HttpReply reply = client.readHttp();
        if (reply.status() != 101) {
            throw new IOException("expected 101, got " + reply);
        }
        ServerFrame welcome = client.readFrame();
        if (!welcome.text().contains("\"type\":\"connection\"")) {
            throw new IOException("expected the welcome, got " + welcome.text());
        }
        return client;
    }

    /**
     * Sends bytes.
     *
     * @param bytes the bytes
     * @throws IOException when the socket fails
     */
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Sends text as ISO-8859-1 bytes (an HTTP request).
     *
     * @param text the text
     * @throws IOException when the socket fails
     */
    public void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Reads an HTTP response head and, when it has a Content-Length, its body.
     *
     * @return the response
     * @throws IOException when the socket fails or times out
     */
    public HttpReply readHttp() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside a response head: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = "";
        if (headers.containsKey("content-length")) {
            byte[] bytes = new byte[Integer.parseInt(headers.get("content-length"))];
            in.readFully(bytes);
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        return new HttpReply(status, headers, body);
    }

    /**
     * Reads one frame, checking that the server did not mask it.
     *
     * @return the frame
     * @throws IOException when the socket fails, times out, or the frame is masked
     */
    public ServerFrame readFrame() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        if ((b1 & 0x80) != 0) {
            throw new IOException("server frame is masked");
        }
        long length = b1 & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new ServerFrame((b0 & 0x80) != 0, b0 & 0x0F, payload);
    }

    /**
     * Reads frames until one matches, within a bounded number of frames.
     *
     * @param wanted the condition
     * @return the first matching frame
     * @throws IOException when none of the next 100 frames matches
     */
    public ServerFrame readUntil(Predicate<ServerFrame> wanted) throws IOException {
        for (int i = 0; i < 100; i++) {
            ServerFrame frame = readFrame();
            if (wanted.test(frame)) {
                return frame;
            }
        }
        throw new IOException("no matching frame among the next 100");
    }

    /**
     * Reads frames until the close frame, then checks that the server hangs up.
     *
     * @return the close frame
     * @throws IOException when no close frame comes or the server keeps the socket open
     */
    public ServerFrame awaitClose() throws IOException {
        ServerFrame close = readUntil(frame -> frame.opcode() == ServerFrame.CLOSE);
        if (!isClosedByServer()) {
            throw new IOException("server sent close but kept the connection open");
        }
        return close;
    }

    /**
     * Whether the server has closed its side: the next read sees end of stream (or a reset).
     *
     * @return true on end of stream or reset; false when bytes arrive instead
     * @throws SocketTimeoutException when nothing arrives within 5 s
     */
    public boolean isClosedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (SocketException e) {
            return true;
        }
    }

    /**
     * The raw input, for tests that read a response without a length.
     *
     * @return the socket's input stream
     */
    public InputStream input() {
        return in;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
