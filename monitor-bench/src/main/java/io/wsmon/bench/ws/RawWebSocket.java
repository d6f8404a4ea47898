package io.wsmon.bench.ws;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A blocking client socket that speaks just enough RFC 6455 for the load tools: the handshake and reading frames. */
final class RawWebSocket {

    private RawWebSocket() {}

    /**
     * Connects and completes the opening handshake.
     *
     * @param server the server
     * @param receiveBufferBytes the socket's receive buffer; 0 for the system's default
     * @return the socket, ready for frames
     * @throws IOException when the connection fails or the server refuses the upgrade
     */
    static Socket open(InetSocketAddress server, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(server, 10_000);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + server.getPort() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = readHeadStatus(socket.getInputStream());
        if (!status.contains(" 101 ")) {
            socket.close();
            throw new IOException("handshake refused: " + status);
        }
        socket.setSoTimeout(0);
        return socket;
    }

    /**
     * Reads an HTTP response head.
     *
     * @param in the stream
     * @return its status line
     * @throws IOException when reading fails
     */
    static String readHeadStatus(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 8192 && !(head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n"))) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        int end = head.indexOf("\r\n");
        return end < 0 ? head.toString() : head.substring(0, end);
    }

    /**
     * Reads one unmasked server frame.
     *
     * @param in the stream
     * @return its payload as text, prefixed with its opcode and a colon ({@code "1:{...}"})
     * @throws IOException when reading fails or the stream ends
     */
    static String readFrame(DataInputStream in) throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return (first & 0x0F) + ":" + new String(payload, StandardCharsets.UTF_8);
    }
}
