package io.wsmon.ws.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wsmon.core.time.ManualClock;
import io.wsmon.ws.testkit.MemoryClient;
import io.wsmon.ws.testkit.TestFeed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ticks on their way to an event loop that is late, in memory: the loop is an executor that runs its
 * tasks only when the test says so, as a loop busy with other work would.
 */
class FanOutTest {

    private final TestFeed feed = new TestFeed();
    private final ManualClock ticker = new ManualClock(Instant.parse("2026-01-03T09:00:00Z"), ZoneOffset.UTC);
    private final LateLoop loop = new LateLoop();
    private MonitoringProtocol protocol;
    private AutoCloseable started;
    private long clients;

    @BeforeEach
    void start() {
        protocol = new MonitoringProtocol(feed.feed(),
                new ProtocolSettings(1000, 1000, 4 * 1024 * 1024, 50, Duration.ofSeconds(5)), ticker,
                feed.clock(), "test-version");
        started = protocol.start(loop);
    }

    @AfterEach
    void stop() throws Exception {
        started.close();
    }

    @Test
    void lateLoop_threeTicksBehind_everyClientGetsEachTickInOrder() {
        MemoryClient a = connect();
        MemoryClient b = connect();

        for (int i = 0; i < 3; i++) {
            feed.publish();
        }
        loop.runAll();

        assertThat(dataSeqs(a)).containsExactly(1L, 2L, 3L);
        assertThat(dataSeqs(b)).containsExactly(1L, 2L, 3L);
        assertThat(protocol.lostTicks()).isZero();
    }

    @Test
    void lateLoop_pastTheBound_dropsOnlyTheOldestAndCountsThem() {
        MemoryClient client = connect();

        for (int i = 0; i < FanOut.MAX_PENDING + 2; i++) {
            feed.publish();
        }
        loop.runAll();

        assertThat(dataSeqs(client)).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(protocol.lostTicks()).isEqualTo(2);
    }

    @Test
    void lateLoop_aStalledClient_stillHoldsOnlyTheNewestWhileAGoodOneGetsAll() {
        MemoryClient good = connect();
        MemoryClient stalled = connect();
        stalled.stall(true);

        for (int i = 0; i < 4; i++) {
            feed.publish();
        }
        loop.runAll();

        assertThat(dataSeqs(good)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(dataSeqs(stalled)).containsExactly(4L);
    }

    @Test
    void lateLoop_ticksArrivingWhileItDelivers_followInOrder() {
        MemoryClient client = connect();

        feed.publish();
        loop.runOne();
        feed.publish();
        feed.publish();
        loop.runAll();
        feed.publish();
        loop.runAll();

        assertThat(dataSeqs(client)).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void noClient_ticksAreNotHandedToTheLoop_theFirstClientGetsTheNewest() {
        for (int i = 0; i < 3; i++) {
            feed.publish();
        }
        assertThat(loop.tasks).as("loop tasks while nobody is connected").isEmpty();

        MemoryClient client = connect();
        feed.publish();
        loop.runAll();

        assertThat(dataSeqs(client)).containsExactly(3L, 4L);
    }

    @Test
    void lastClientGone_laterClientGetsTheNewestNotTheLastDelivered() {
        MemoryClient first = connect();
        feed.publish();
        loop.runAll();
        first.hangUp();
        feed.publish();
        feed.publish();

        MemoryClient second = connect();

        assertThat(dataSeqs(second)).containsExactly(3L);
    }

    /** Connects a client on the loop and takes its welcome. */
    private MemoryClient connect() {
        MemoryClient client = MemoryClient.connect(protocol, ++clients);
        client.next("connection");
        return client;
    }

    private static List<Long> dataSeqs(MemoryClient client) {
        List<Long> seqs = new ArrayList<>();
        while (client.pending() > 0) {
            JsonNode message = client.next();
            if (message.path("type").asText().equals("monitoring_data")) {
                seqs.add(message.path("seq").asLong());
            }
        }
        return seqs;
    }

    /** An event loop that runs what it was handed only when told to. */
    private static final class LateLoop implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runOne() {
            tasks.remove().run();
        }

        void runAll() {
            for (int bound = 0; bound < 100 && !tasks.isEmpty(); bound++) {
                runOne();
            }
        }
    }
}
