package io.wsmon.bench.ws;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a client that sends a byte at a time costs the server, against the same bytes sent whole: the
 * server's CPU per 60 KB WebSocket message and per 7 KB HTTP request head, each sent whole and then one
 * byte per {@code write} (TCP_NODELAY, so each byte is a segment of its own), with the ratio. A 15 KB
 * message sent a byte at a time shows whether the cost grows with the size (linear: the same per byte).
 *
 * <pre>
 * java -cp monitor-bench/target/benchmarks.jar io.wsmon.bench.ws.BytewiseCost
 * </pre>
 *
 * <p>The server runs in a child JVM; its CPU is read from {@code /proc} at 10 ms resolution, so each
 * figure is measured over enough messages to cost at least a few hundred milliseconds.
 */
public final class BytewiseCost {

    private static final int WHOLE_CONNECTIONS = 40;
    private static final int MESSAGES_PER_CONNECTION = 40; // under the 50 commands per second rate limit
    private static final int BYTEWISE_MESSAGES = 8; // of 60 KB; four times as many of 15 KB, the same bytes
    private static final int WHOLE_HEADS = 2000;
    private static final int BYTEWISE_HEADS = 100;

    private BytewiseCost() {}

    /**
     * @param args none
     * @throws Exception when the server fails
     */
    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "cores=%d load=%.2f%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (ServerProcess server = new ServerProcess("wsmon", List.of(), 1.0, 2000, 1000)) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
            byte[] big = ClientFrame.text(pingCommand(60_000));
            byte[] small = ClientFrame.text(pingCommand(15_000));
            byte[] head = head(7_000);
            warmUp(address, big, head);

            double wholeMessage = cpuPer(server, WHOLE_CONNECTIONS * MESSAGES_PER_CONNECTION,
                    () -> messagesWhole(address, big));
            double bytewiseMessage = cpuPer(server, BYTEWISE_MESSAGES,
                    () -> messagesBytewise(address, big, BYTEWISE_MESSAGES));
            double bytewiseSmall = cpuPer(server, 4 * BYTEWISE_MESSAGES,
                    () -> messagesBytewise(address, small, 4 * BYTEWISE_MESSAGES));
            double wholeHead = cpuPer(server, WHOLE_HEADS, () -> heads(address, head, WHOLE_HEADS, false));
            double bytewiseHead = cpuPer(server, BYTEWISE_HEADS, () -> heads(address, head, BYTEWISE_HEADS, true));

            System.out.println();
            System.out.printf(Locale.ROOT, "%-22s %14s %14s %8s%n", "what", "whole", "bytewise", "ratio");
            System.out.printf(Locale.ROOT, "%-22s %11.1f µs %11.1f µs %7.0f×%n", "60 KB message", wholeMessage,
                    bytewiseMessage, bytewiseMessage / wholeMessage);
            System.out.printf(Locale.ROOT, "%-22s %14s %11.1f µs %8s%n", "15 KB message", "", bytewiseSmall, "");
            System.out.printf(Locale.ROOT, "%-22s %11.1f µs %11.1f µs %7.0f×%n", "7 KB HTTP head", wholeHead,
                    bytewiseHead, bytewiseHead / wholeHead);
            System.out.printf(Locale.ROOT, "bytewise cost per byte: 60 KB %.2f µs, 15 KB %.2f µs (equal when linear)%n",
                    bytewiseMessage / big.length, bytewiseSmall / small.length);
        }
    }

    /** Work that sends its bytes to the server and waits for the answers. */
    private interface Work {
        void run() throws Exception;
    }

    /** @return the server's CPU per unit of work, in microseconds */
    private static double cpuPer(ServerProcess server, int units, Work work) throws Exception {
        long before = server.cpuNanos();
        work.run();
        return (server.cpuNanos() - before) / 1e3 / units;
    }

    private static void warmUp(InetSocketAddress address, byte[] message, byte[] head) throws Exception {
        messagesWhole(address, message);
        heads(address, head, 200, false);
    }

    private static String pingCommand(int bytes) {
        String prefix = "{\"type\":\"ping\",\"pad\":\"";
        return prefix + "x".repeat(bytes - prefix.length() - 2) + "\"}";
    }

    private static byte[] head(int bytes) {
        StringBuilder head = new StringBuilder("GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (int i = 0; head.length() + 120 < bytes; i++) {
            head.append("X-Pad-").append(i).append(": ").append("x".repeat(100)).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void messagesWhole(InetSocketAddress address, byte[] message) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int c = 0; c < WHOLE_CONNECTIONS; c++) {
            Thread thread = new Thread(() -> {
                try (Socket socket = RawWebSocket.open(address, 0)) {
                    OutputStream out = socket.getOutputStream();
                    for (int i = 0; i < MESSAGES_PER_CONNECTION; i++) {
                        out.write(message);
                    }
                    awaitPongs(socket, MESSAGES_PER_CONNECTION);
                } catch (IOException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private static void messagesBytewise(InetSocketAddress address, byte[] message, int count) throws IOException {
        try (Socket socket = RawWebSocket.open(address, 0)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < count; i++) {
                for (byte b : message) {
                    out.write(b);
                }
            }
            awaitPongs(socket, count);
        }
    }

    private static void awaitPongs(Socket socket, int count) throws IOException {
        socket.setSoTimeout(60_000);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        for (int pongs = 0; pongs < count; ) {
            String frame = RawWebSocket.readFrame(in);
            if (frame.startsWith("1:{\"type\":\"pong\"")) {
                pongs++;
            } else if (frame.startsWith("1:{\"type\":\"error\"") || frame.startsWith("8:")) {
                throw new IOException("server answered " + frame);
            }
        }
    }

    private static void heads(InetSocketAddress address, byte[] head, int count, boolean bytewise) throws IOException {
        for (int i = 0; i < count; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(address, 10_000);
                socket.setSoTimeout(60_000);
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                if (bytewise) {
                    for (byte b : head) {
                        out.write(b);
                    }
                } else {
                    out.write(head);
                }
                InputStream in = socket.getInputStream();
                String status = RawWebSocket.readHeadStatus(in);
                if (!status.contains(" 200 ")) {
                    throw new IOException("server answered " + status);
                }
                in.readAllBytes();
            }
        }
    }
}
