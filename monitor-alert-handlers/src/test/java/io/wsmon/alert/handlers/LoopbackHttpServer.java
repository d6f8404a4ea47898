package io.wsmon.alert.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 and a free port that records each request and answers with a set status.
 * It can be told to hold its answer until released, to make a client time out.
 */
final class LoopbackHttpServer implements AutoCloseable {

    /**
     * One request received.
     *
     * @param method the method
     * @param path the path
     * @param headers the headers
     * @param body the body as text
     */
    record Request(String method, String path, Headers headers, String body) {
        Map<String, Object> json() throws IOException {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = new ObjectMapper().readValue(body, Map.class);
            return map;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String answer = "ok";
    private volatile boolean holding;

    LoopbackHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), body));
            if (holding) {
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** Answers every request with this status and body. */
    LoopbackHttpServer answering(int newStatus, String newBody) {
        status = newStatus;
        answer = newBody;
        return this;
    }

    /** Holds every answer until {@link #close}. */
    LoopbackHttpServer holdingAnswers() {
        holding = true;
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** @return the next request, waiting at most 5 s */
    Request next() throws InterruptedException {
        Request request = requests.poll(5, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server within 5 s").isNotNull();
        return request;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
