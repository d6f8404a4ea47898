package io.wsmon.dashboard.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** One DevTools protocol session with a page target: commands with their answers, and events. */
final class DevTools implements AutoCloseable {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    private DevTools(URI target) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(target, new Receiver()).get(30, TimeUnit.SECONDS);
    }

    /**
     * Connects to a target's debugger URL.
     *
     * @param target the {@code webSocketDebuggerUrl}
     * @return the session
     * @throws Exception when it cannot connect
     */
    static DevTools connect(URI target) throws Exception {
        return new DevTools(target);
    }

    /**
     * Calls every event from now on ({@code method} and {@code params}), on the receiving thread.
     *
     * @param listener the listener
     */
    void onEvent(Consumer<JsonNode> listener) {
        listeners.add(listener);
    }

    /**
     * Sends one command and waits for its answer.
     *
     * @param method for example {@code Page.navigate}
     * @param params its parameters
     * @return the {@code result}
     * @throws IllegalStateException when the browser answers with an error
     */
    JsonNode call(String method, Map<String, ?> params) throws Exception {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode command = json.createObjectNode().put("id", id).put("method", method);
        command.set("params", json.valueToTree(params));
        socket.sendText(json.writeValueAsString(command), true).get(30, TimeUnit.SECONDS);
        JsonNode reply;
        try {
            reply = answer.get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer to " + method + " within " + ANSWER_TIMEOUT, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(method + ": the DevTools connection failed", e.getCause());
        } finally {
            pending.remove(id);
        }
        if (reply.has("error")) {
            throw new IllegalStateException(method + ": " + reply.get("error"));
        }
        return reply.get("result");
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Receiver implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(answer -> answer.completeExceptionally(error));
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            pending.values().forEach(answer -> answer.completeExceptionally(
                    new IllegalStateException("DevTools closed: " + statusCode + " " + reason)));
            return null;
        }

        private void dispatch(String text) {
            JsonNode message;
            try {
                message = json.readTree(text);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON from DevTools: " + text, e);
            }
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer = pending.get(message.get("id").asLong());
                if (answer != null) {
                    answer.complete(message);
                }
            } else {
                listeners.forEach(listener -> listener.accept(message));
            }
        }
    }
}
