package io.wsmon.ws.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.ws.testkit.ClientFrames;
import io.wsmon.ws.testkit.JdkClient;
import io.wsmon.ws.testkit.RawClient;
import io.wsmon.ws.testkit.StalledClientCheck;
import io.wsmon.ws.testkit.ServerFrame;
import io.wsmon.ws.testkit.TestFeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Clients that do not read: conflation, replies kept, send timeout, and nobody else delayed. */
class SlowClientTest {

    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    private final TestFeed feed = new TestFeed().padding(200_000);
    private WebSocketServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void clientThatNeverReads_othersGetEveryTickAndItIsDroppedAfterTheSendTimeout() throws Exception {
        server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0).sendTimeout(Duration.ofMillis(500)).start();
        try (JdkClient reader = JdkClient.connect(server.port()); RawClient stalled = RawClient.open(server.port())) {
            reader.next("connection");
            StalledClientCheck.readerGetsEveryTickUntilTheStalledClientIsDropped(feed, server, reader);
        }
    }

    @Test
    void slowReader_getsOnlyTheNewestDataButEveryReply() throws Exception {
        server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0).sendTimeout(Duration.ofSeconds(30)).start();
        try (JdkClient pacer = JdkClient.connect(server.port()); RawClient slow = RawClient.open(server.port())) {
            pacer.next("connection");
            int ticks = 30;
            for (int i = 1; i <= ticks; i++) {
                if (i == 10) {
                    for (int p = 0; p < 5; p++) {
                        slow.write(ClientFrames.text("{\"type\":\"ping\"}"));
                    }
                }
                long seq = feed.publish().seq();
                pacer.nextMatching(n -> n.path("seq").asLong() == seq);
            }

            List<Long> seqs = new ArrayList<>();
            int pongs = 0;
            while (pongs < 5 || seqs.isEmpty() || seqs.get(seqs.size() - 1) < ticks) {
                ServerFrame frame = slow.readFrame();
                Matcher seq = SEQ.matcher(frame.text().substring(0, Math.min(200, frame.text().length())));
                if (frame.text().startsWith("{\"type\":\"pong\"")) {
                    pongs++;
                } else if (seq.find()) {
                    seqs.add(Long.parseLong(seq.group(1)));
                }
            }

            assertThat(pongs).isEqualTo(5);
            assertThat(seqs).isSorted().doesNotHaveDuplicates().endsWith((long) ticks);
            assertThat(seqs.size()).as("data frames delivered to the slow client: %s", seqs).isLessThan(ticks);
        }
    }
}
