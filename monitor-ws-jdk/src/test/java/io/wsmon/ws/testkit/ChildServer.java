package io.wsmon.ws.testkit;

import io.wsmon.ws.server.WebSocketServer;
import java.io.IOException;

/**
 * A server in a process of its own, for tests that must not share a heap with their clients: it
 * publishes {@code history} snapshots of {@code padding} bytes, prints {@code PORT <port>}, then one
 * snapshot {@code tickMillis} after the other (none when 0) until its standard input closes.
 *
 * <p>Arguments: {@code padding history tickMillis maxReplyBytes}.
 */
public final class ChildServer {

    private ChildServer() {}

    /**
     * @param args padding, history, tickMillis, maxReplyBytes
     * @throws Exception when the server cannot start
     */
    public static void main(String[] args) throws Exception {
        TestFeed feed = TestFeed.live().padding(Integer.parseInt(args[0]));
        for (int i = 0, history = Integer.parseInt(args[1]); i < history; i++) {
            feed.publish();
        }
        long tickMillis = Long.parseLong(args[2]);
        try (WebSocketServer server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0)
                .maxReplyBytes(Integer.parseInt(args[3])).start()) {
            System.out.println("PORT " + server.port());
            System.out.flush();
            Thread ticker = new Thread(() -> tick(feed, tickMillis), "child-ticker");
            ticker.setDaemon(true);
            if (tickMillis > 0) {
                ticker.start();
            }
            awaitEndOfInput();
        }
    }

    /** Publishes with a fixed delay, never two at once after a stall: the server, not this thread, is under test. */
    private static void tick(TestFeed feed, long tickMillis) {
        while (true) {
            try {
                Thread.sleep(tickMillis);
            } catch (InterruptedException e) {
                return;
            }
            feed.publish();
        }
    }

    private static void awaitEndOfInput() throws IOException {
        while (System.in.read() >= 0) {
            // the parent closes our input to stop us
        }
    }
}
