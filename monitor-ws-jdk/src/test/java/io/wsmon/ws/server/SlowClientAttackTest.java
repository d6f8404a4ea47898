package io.wsmon.ws.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.ws.testkit.ChildJvm;
import io.wsmon.ws.testkit.ChildServer;
import io.wsmon.ws.testkit.ClientFrames;
import io.wsmon.ws.testkit.HttpReply;
import io.wsmon.ws.testkit.JdkClient;
import io.wsmon.ws.testkit.RawClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Slow readers that make the server do work, against a server in a child JVM with a small heap: it must
 * stay healthy, drop them, and a client that keeps up must miss no tick. Bounded in time and count.
 */
class SlowClientAttackTest {

    private static final List<String> SMALL_HEAP = List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
    private static final Duration ATTACK_BOUND = Duration.ofSeconds(20);
    /** Generous, so that a loaded machine (other builds on every core) still lets the server keep time. */
    private static final String TICK_MILLIS = "250";

    @Test
    void pingFlood_threeSlowReadersAtXmx256m_serverStaysHealthyAndAGoodClientMissesNoTick() throws Exception {
        try (ChildJvm child = ChildJvm.start(ChildServer.class, SMALL_HEAP, "2000", "10", TICK_MILLIS, "4194304")) {
            int port = Integer.parseInt(child.awaitLine("PORT ", Duration.ofSeconds(30)));
            byte[] pings = pings();

            List<Long> seqs = underAttack(port, 3, client -> {
                while (true) {
                    client.write(pings); // 64 KiB every 5 ms: ~100,000 pings a second, without the test hogging a core
                    Thread.sleep(5);
                }
            });

            assertHealthy(child, port, seqs);
        }
    }

    @Test
    void slowHistoryReaders_fiftyOfThem_serverStaysHealthyAndAGoodClientMissesNoTick() throws Exception {
        try (ChildJvm child = ChildJvm.start(ChildServer.class, SMALL_HEAP, "4000", "1000", TICK_MILLIS, "4194304")) {
            int port = Integer.parseInt(child.awaitLine("PORT ", Duration.ofSeconds(30)));
            byte[] getHistory = ClientFrames.text("{\"type\":\"get_history\",\"count\":1000}");

            List<Long> seqs = underAttack(port, 50, client -> {
                while (true) {
                    client.write(getHistory);
                    Thread.sleep(200);
                }
            });

            assertHealthy(child, port, seqs);
        }
    }

    /** One attacker's writes, until the server drops it (an exception) or the test stops it (an interrupt). */
    private interface Attack {
        void run(RawClient client) throws Exception;
    }

    /**
     * Runs the attackers, each reading 64 bytes every 20 ms, while a good client reads every tick; returns
     * when every attacker was dropped.
     *
     * @return the seq of every {@code monitoring_data} the good client received meanwhile
     */
    private static List<Long> underAttack(int port, int attackers, Attack attack) throws Exception {
        List<Long> seqs = new ArrayList<>();
        AtomicInteger dropped = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(attackers);
        List<Thread> threads = new ArrayList<>();
        try (JdkClient good = JdkClient.connect(port)) {
            good.next("connection");
            for (int i = 0; i < attackers; i++) {
                RawClient client = RawClient.open(port);
                Thread writer = new Thread(() -> {
                    try (client) {
                        attack.run(client);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        dropped.incrementAndGet();
                    } finally {
                        done.countDown();
                    }
                }, "attacker-" + i);
                Thread reader = new Thread(() -> readSlowly(client.input()), "slow-reader-" + i);
                threads.add(writer);
                threads.add(reader);
            }
            threads.forEach(Thread::start);
            long deadline = System.nanoTime() + ATTACK_BOUND.toNanos();
            while (done.getCount() > 0 && System.nanoTime() < deadline) {
                seqs.add(good.next("monitoring_data").path("seq").asLong());
            }
            for (int i = 0; i < 10; i++) {
                seqs.add(good.next("monitoring_data").path("seq").asLong());
            }
        } finally {
            threads.forEach(Thread::interrupt);
            for (Thread thread : threads) {
                thread.join(5000);
            }
        }
        assertThat(dropped.get()).as("attackers dropped by the server within %s", ATTACK_BOUND).isEqualTo(attackers);
        return seqs;
    }

    private static void readSlowly(InputStream in) {
        byte[] bytes = new byte[64];
        try {
            while (in.read(bytes) >= 0) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
        } catch (IOException | InterruptedException e) {
            // dropped by the server, or the test is over
        }
    }

    private static void assertHealthy(ChildJvm child, int port, List<Long> seqs) throws Exception {
        assertThat(child.isAlive()).as("server process alive; output: %s", child.output()).isTrue();
        assertThat(seqs).as("ticks received by the good client").hasSizeGreaterThan(10);
        for (int i = 1; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("tick after %d (no seq gap)", seqs.get(i - 1)).isEqualTo(seqs.get(i - 1) + 1);
        }
        try (RawClient probe = RawClient.connect(port)) {
            probe.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            HttpReply health = probe.readHttp();
            assertThat(health.status()).as("/healthz: %s", health).isEqualTo(200);
        }
    }

    /** 64 KiB of masked pings, each with a 125-byte payload, the most a pong can echo. */
    private static byte[] pings() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] ping = ClientFrames.frame(true, 0x9, new byte[125]);
        while (out.size() + ping.length <= 64 * 1024) {
            out.writeBytes(ping);
        }
        return out.toByteArray();
    }
}
