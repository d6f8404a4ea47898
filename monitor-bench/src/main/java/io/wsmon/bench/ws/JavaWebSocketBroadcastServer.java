package io.wsmon.bench.ws;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The peer: a Java-WebSocket 1.6 server that broadcasts each snapshot's JSON to every client, the way
 * its documentation shows (one encode, {@code broadcast} to all connections).
 */
final class JavaWebSocketBroadcastServer extends WebSocketServer {

    private final CountDownLatch started = new CountDownLatch(1);

    JavaWebSocketBroadcastServer(InetSocketAddress address) {
        super(address);
        setTcpNoDelay(true);
        setReuseAddr(true);
    }

    /**
     * Starts and waits until the port is bound.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    void startAndAwait() throws InterruptedException {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Java-WebSocket server did not start within 10 s");
        }
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        conn.send("{\"type\":\"connection\",\"status\":\"connected\"}");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
        started.countDown();
    }
}
