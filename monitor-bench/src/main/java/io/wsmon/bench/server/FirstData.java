package io.wsmon.bench.server;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A JDK {@link WebSocket} client that connects as soon as the server accepts and waits for the first
 * {@code monitoring_data} message.
 */
final class FirstData {

    private static final long RETRY_MILLIS = 5;

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * Connects to {@code uri}, retrying while the port refuses, and waits for the first {@code monitoring_data}.
     *
     * @param uri the server, for example {@code ws://127.0.0.1:40123/}
     * @param alive whether the server process still runs; a refused connect to a dead server fails at once
     * @param timeoutNanos how long to try in all
     * @return {@link System#nanoTime()} when the message arrived
     * @throws IOException when no message arrives in time or the server died
     * @throws InterruptedException when interrupted
     */
    long await(URI uri, java.util.function.BooleanSupplier alive, long timeoutNanos)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (System.nanoTime() < deadline) {
            if (!alive.getAsBoolean()) {
                throw new IOException("the server exited before sending monitoring_data");
            }
            CompletableFuture<Long> arrived = new CompletableFuture<>();
            WebSocket socket;
            try {
                socket = http.newWebSocketBuilder().buildAsync(uri, new Listener(arrived))
                        .get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ConnectException) {
                    Thread.sleep(RETRY_MILLIS);
                    continue;
                }
                throw new IOException("cannot connect to " + uri, e.getCause());
            } catch (TimeoutException e) {
                break;
            }
            try {
                return arrived.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new IOException("the connection to " + uri + " failed", e.getCause());
            } catch (TimeoutException e) {
                break;
            } finally {
                socket.abort();
            }
        }
        throw new IOException("no monitoring_data from " + uri + " within "
                + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
    }

    /** Completes with the arrival time of the first text message that is {@code monitoring_data}. */
    private static final class Listener implements WebSocket.Listener {

        private final CompletableFuture<Long> arrived;
        private final StringBuilder message = new StringBuilder();

        Listener(CompletableFuture<Long> arrived) {
            this.arrived = arrived;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                if (message.indexOf("\"type\":\"monitoring_data\"") >= 0) {
                    arrived.complete(System.nanoTime());
                }
                message.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            arrived.completeExceptionally(new IOException("closed by the server: " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            arrived.completeExceptionally(error);
        }
    }
}
