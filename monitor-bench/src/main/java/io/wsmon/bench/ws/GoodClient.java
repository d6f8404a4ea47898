package io.wsmon.bench.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client that keeps up (the JDK's WebSocket client, reading as fast as messages come) and counts the
 * ticks it received and the ones it missed: every gap in {@code seq} after its first tick.
 */
final class GoodClient implements AutoCloseable {

    private static final Pattern DATA_SEQ = Pattern.compile("^\\{\"type\":\"monitoring_data\",\"seq\":(\\d+)");

    private final WebSocket socket;
    private long firstSeq = -1;
    private long lastSeq = -1;
    private long received;
    private long missed;

    private GoodClient(int port) throws Exception {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), new Counter()).get(10, TimeUnit.SECONDS);
    }

    /**
     * @param port the server's port on 127.0.0.1
     * @return a connected client
     * @throws Exception when the handshake fails
     */
    static GoodClient connect(int port) throws Exception {
        return new GoodClient(port);
    }

    /** Forgets what was counted so far: the next tick starts the count. */
    synchronized void resetCounts() {
        firstSeq = -1;
        received = 0;
        missed = 0;
    }

    /** @return ticks received since the last reset */
    synchronized long received() {
        return received;
    }

    /** @return ticks missed since the first one after the last reset (seq gaps) */
    synchronized long missed() {
        return missed;
    }

    private synchronized void onData(long seq) {
        if (firstSeq >= 0 && seq > lastSeq + 1) {
            missed += seq - lastSeq - 1;
        }
        if (firstSeq < 0) {
            firstSeq = seq;
        }
        lastSeq = seq;
        received++;
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Counter implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                Matcher matcher = DATA_SEQ.matcher(partial);
                if (matcher.lookingAt()) {
                    onData(Long.parseLong(matcher.group(1)));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

    }
}
