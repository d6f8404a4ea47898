package io.wsmon.examples;

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
import javax.net.ssl.SSLContext;

/** A JDK WebSocket client that queues what it receives. */
final class WsClient implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private WsClient(HttpClient client, URI uri) {
        this.socket = client.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, this).join();
    }

    static WsClient connect(int port) {
        return connect("ws://127.0.0.1:" + port + "/");
    }

    static WsClient connect(String uri) {
        return new WsClient(HttpClient.newHttpClient(), URI.create(uri));
    }

    /** Connects over {@code wss://}, trusting what the context trusts. */
    static WsClient connect(String uri, SSLContext trusting) {
        return new WsClient(HttpClient.newBuilder().sslContext(trusting).build(), URI.create(uri));
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                closeCode.completeExceptionally(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    /** The next message of a type, skipping others. */
    JsonNode next(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode message = messages.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && type.equals(message.path("type").asText())) {
                return message;
            }
        }
        throw new AssertionError("no '" + type + "' message within 10 s");
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    int awaitClose() throws Exception {
        return closeCode.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
