package io.wsmon.ws.testkit;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Sends mutated input ({@link FrameMutations}) to a server, one connection per case, and checks how each
 * bad client is let go: every close frame it gets carries a code valid on the wire, and the server hangs
 * up within a bound. On a TLS server, garbage before the handshake goes on the bare TCP connection
 * (half of it behind a TLS handshake record's first byte) or inside the TLS session. Case {@code n} of a run with seed {@code s} is replayed by {@link #runCase} with the
 * same two numbers.
 *
 * <p>Thread-safe: {@link #runCase} may be called from several threads.
 */
public final class FrameFuzzer {

    private static final int READ_TIMEOUT_MILLIS = 15_000;
    private static final int MAX_FRAME_BYTES = 8 << 20;

    private final int port;
    private final SSLContext tls;
    private final long seed;
    private final Map<FrameMutations.Kind, AtomicLong> cases = Collections.synchronizedMap(new EnumMap<>(FrameMutations.Kind.class));
    private final Map<Integer, AtomicLong> closeCodes = Collections.synchronizedMap(new java.util.TreeMap<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param port the server's port on 127.0.0.1
     * @param tls a client context trusting the server, or {@code null} for a plain server
     * @param seed the run's seed
     */
    public FrameFuzzer(int port, SSLContext tls, long seed) {
        this.port = port;
        this.tls = tls;
        this.seed = seed;
    }

    /**
     * Runs cases from {@code first}, stepping by {@code step}, until the deadline.
     *
     * @param first the first case number
     * @param step the step between case numbers (the number of threads running)
     * @param deadlineNanos when to stop, in {@link System#nanoTime()} terms
     */
    public void runUntil(long first, long step, long deadlineNanos) {
        for (long n = first; System.nanoTime() - deadlineNanos < 0; n += step) {
            runCase(n);
        }
    }

    /**
     * Runs one case; a problem is recorded with the seed and case number that replay it.
     *
     * @param n the case number
     */
    public void runCase(long n) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        FrameMutations.Kind kind = FrameMutations.pick(random);
        cases.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        boolean rawTcp = tls != null && kind == FrameMutations.Kind.GARBAGE_BEFORE_HANDSHAKE && random.nextBoolean();
        try (Socket socket = connect(rawTcp)) {
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            if (kind == FrameMutations.Kind.GARBAGE_BEFORE_HANDSHAKE) {
                byte[] garbage = FrameMutations.make(kind, random);
                if (rawTcp && random.nextBoolean()) {
                    garbage[0] = 0x16;
                }
                out.write(garbage);
                out.flush();
                endOutput(socket);
                readToEnd(in);
                return;
            }
            out.write(RawClient.handshake("").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String head = readHead(in);
            if (!head.startsWith("HTTP/1.1 101")) {
                problems.add(replay(n, kind) + ": handshake answered " + head.lines().findFirst().orElse(""));
                return;
            }
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                out.write(FrameMutations.make(kind, random));
            }
            out.write(ClientFrames.close(1000, ""));
            out.flush();
            endOutput(socket);
            readFramesToEnd(in, n, kind);
        } catch (SocketTimeoutException e) {
            problems.add(replay(n, kind) + ": the server kept the connection open for " + READ_TIMEOUT_MILLIS + " ms");
        } catch (IOException e) {
            // the server cut the connection: allowed for a bad client
        }
    }

    /**
     * Cases run, by kind.
     *
     * @return the counts
     */
    public Map<FrameMutations.Kind, Long> cases() {
        Map<FrameMutations.Kind, Long> copy = new EnumMap<>(FrameMutations.Kind.class);
        synchronized (cases) {
            cases.forEach((k, v) -> copy.put(k, v.get()));
        }
        return copy;
    }

    /**
     * Close codes the bad clients received, with their counts.
     *
     * @return code to count
     */
    public Map<Integer, Long> closeCodes() {
        Map<Integer, Long> copy = new java.util.TreeMap<>();
        synchronized (closeCodes) {
            closeCodes.forEach((k, v) -> copy.put(k, v.get()));
        }
        return copy;
    }

    /**
     * What went wrong, each with the seed and case that replay it.
     *
     * @return the problems
     */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /** A TCP connection, with a TLS session over it on a TLS server unless {@code rawTcp}. */
    private Socket connect(boolean rawTcp) throws IOException {
        Socket socket;
        if (tls == null || rawTcp) {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        } else {
            socket = tls.getSocketFactory().createSocket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            ((SSLSocket) socket).startHandshake();
        }
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        return socket;
    }

    /** Half-closes where the socket allows it (TLS 1.3 and plain); otherwise the server's timeouts apply. */
    private static void endOutput(Socket socket) {
        try {
            socket.shutdownOutput();
        } catch (IOException | UnsupportedOperationException e) {
            // the close frame or the server's timeouts end the connection instead
        }
    }

    private static String readHead(DataInputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4 && head.size() < 16384) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void readToEnd(DataInputStream in) throws IOException {
        byte[] sink = new byte[8192];
        while (in.read(sink) >= 0) {
            // discard the HTTP error, if any, until the server hangs up
        }
    }

    private void readFramesToEnd(DataInputStream in, long n, FrameMutations.Kind kind) throws IOException {
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long length = b1 & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                if ((b1 & 0x80) != 0 || length < 0 || length > MAX_FRAME_BYTES) {
                    problems.add(replay(n, kind) + ": bad server frame header " + b0 + " " + b1 + " length " + length);
                    return;
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                if ((b0 & 0x0F) == 0x8) {
                    checkClose(payload, n, kind);
                }
            }
        } catch (EOFException | SocketException e) {
            // the server hung up: the end every case must reach
        }
    }

    private void checkClose(byte[] payload, long n, FrameMutations.Kind kind) {
        int code = payload.length == 0 ? 1005 : payload.length == 1 ? -1 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        closeCodes.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
        boolean valid = code == 1005 || (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014)
                || (code >= 3000 && code <= 4999);
        if (!valid) {
            problems.add(replay(n, kind) + ": close code " + code + " is not valid on the wire");
        }
    }

    private String replay(long n, FrameMutations.Kind kind) {
        return "seed " + seed + " case " + n + " (" + kind + ", " + (tls == null ? "plain" : "TLS") + ")";
    }

    /**
     * How long a run lasts unless {@code -Dwsmon.fuzz.seconds} says otherwise.
     *
     * @param fallback the default
     * @return the duration
     */
    public static Duration duration(Duration fallback) {
        String seconds = System.getProperty("wsmon.fuzz.seconds");
        return seconds == null || seconds.isBlank() ? fallback : Duration.ofSeconds(Long.parseLong(seconds.trim()));
    }
}
