package io.wsmon.ws.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.core.testing.Await;
import io.wsmon.ws.server.WebSocketServer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/** The promise that one client who never reads delays nobody, checked the same way on every transport. */
public final class StalledClientCheck {

    private StalledClientCheck() {}

    /**
     * Publishes ticks while a reading client and a stalled one are connected, until the server drops the
     * stalled one, then one more; asserts the reader got every tick in order and only its socket is left.
     *
     * @param feed the server's feed
     * @param server the server, with exactly the two clients connected (or connecting)
     * @param reader the client that reads, past its welcome
     * @throws Exception when a tick does not arrive
     */
    public static void readerGetsEveryTickUntilTheStalledClientIsDropped(TestFeed feed, WebSocketServer server,
            JdkClient reader) throws Exception {
        Await.until("two clients", () -> server.connectedClients() == 2);

        List<Long> received = new ArrayList<>();
        for (int i = 0; i < 40 && server.connectedClients() == 2; i++) {
            received.add(nextTick(feed, reader));
        }
        Await.until("the stalled client to be dropped", () -> server.connectedClients() == 1);
        received.add(nextTick(feed, reader));

        assertThat(received).isEqualTo(LongStream.rangeClosed(1, received.size()).boxed().toList());
        assertThat(server.openSockets()).isEqualTo(1);
    }

    private static long nextTick(TestFeed feed, JdkClient reader) throws Exception {
        long seq = feed.publish().seq();
        return reader.nextMatching(n -> n.path("seq").asLong() == seq).path("seq").asLong();
    }
}
