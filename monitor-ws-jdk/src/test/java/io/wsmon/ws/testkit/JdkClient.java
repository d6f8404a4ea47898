package io.wsmon.ws.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/** A real WebSocket client: the JDK's {@link java.net.http.WebSocket}, collecting messages as JSON. */
public final class JdkClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final CompletableFuture<String> closeReason = new CompletableFuture<>();
    private final WebSocket socket;

    private JdkClient(URI uri) throws Exception {
        this(uri, HttpClient.newHttpClient());
    }

    private JdkClient(URI uri, HttpClient client) throws Exception {
        this.socket = client.newWebSocketBuilder()
                .connectTimeout(WAIT)
                .buildAsync(uri, new Collector())
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Connects to {@code ws://127.0.0.1:port/}.
     *
     * @param port the server's port
     * @return the connected client
     * @throws Exception when the handshake fails
     */
    public static JdkClient connect(int port) throws Exception {
        return new JdkClient(URI.create("ws://127.0.0.1:" + port + "/"));
    }

    /**
     * Connects to {@code wss://127.0.0.1:port/}.
     *
     * @param port the server's port
     * @param tls a client context that trusts the server's certificate
     * @return the connected client
     * @throws Exception when the TLS or WebSocket handshake fails
     */
    public static JdkClient connectTls(int port, SSLContext tls) throws Exception {
        return new JdkClient(URI.create("wss://127.0.0.1:" + port + "/"), HttpClient.newBuilder().sslContext(tls).build());
    }

    /**
     * Sends a text message.
     *
     * @param text the message
     * @throws Exception when sending fails
     */
    public void send(String text) throws Exception {
        socket.sendText(text, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * The next message.
     *
     * @return it, parsed
     * @throws Exception when none arrives within 5 s
     */
    public JsonNode next() throws Exception {
        String text = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (text == null) {
            throw new AssertionError("no message within " + WAIT);
        }
        return JSON.readTree(text);
    }

    /**
     * The next message of a type, skipping others (such as {@code monitoring_data}) within 100 messages.
     *
     * @param type the {@code type} wanted
     * @return the message
     * @throws Exception when none arrives
     */
    public JsonNode next(String type) throws Exception {
        return nextMatching(node -> type.equals(node.path("type").asText()));
    }

    /**
     * The next message matching a condition, within 100 messages.
     *
     * @param wanted the condition
     * @return the message
     * @throws Exception when none arrives
     */
    public JsonNode nextMatching(Predicate<JsonNode> wanted) throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode node = next();
            if (wanted.test(node)) {
                return node;
            }
        }
        throw new AssertionError("no matching message among the next 100");
    }

    /**
     * Messages already received and not yet taken.
     *
     * @return the count
     */
    public int pending() {
        return messages.size();
    }

    /**
     * Waits for the server's close.
     *
     * @return the close code the server sent
     * @throws Exception when the server does not close within 5 s
     */
    public int awaitClose() throws Exception {
        return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * The reason of the server's close, once it came.
     *
     * @return the reason
     * @throws Exception when the server did not close within 5 s
     */
    public String closeReason() throws Exception {
        return closeReason.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason.complete(reason);
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
            closeReason.completeExceptionally(error);
        }
    }
}
