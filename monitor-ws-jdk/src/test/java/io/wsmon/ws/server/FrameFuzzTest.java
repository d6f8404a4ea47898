package io.wsmon.ws.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.core.testing.Await;
import io.wsmon.ws.testkit.FrameFuzzer;
import io.wsmon.ws.testkit.JdkClient;
import io.wsmon.ws.testkit.TestCertificates;
import io.wsmon.ws.testkit.TestFeed;
import io.wsmon.ws.tls.TlsIdentity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated frames from a corpus of valid ones, on plain and TLS connections, while well-behaved clients
 * count ticks: the server never dies, closes only the bad clients, each with a valid close code, leaks no
 * socket or thread, and the good clients miss no tick. Bounded: about 12 s per transport
 * ({@code -Dwsmon.fuzz.seconds=N} for longer, {@code -Dwsmon.fuzz.seed=S} to replay a run; the seed is
 * in every failure message).
 */
class FrameFuzzTest {

    private static final Duration TICK = Duration.ofMillis(250);
    private static final int FUZZERS = 2;
    private static final int GOOD_CLIENTS = 3;

    @TempDir
    static Path certificates;
    private static TestCertificates certificate;

    private final TestFeed feed = new TestFeed();
    private final long seed = Long.getLong("wsmon.fuzz.seed", System.nanoTime());
    private WebSocketServer server;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = TestCertificates.generate(certificates, "fuzz", "EC");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void mutatedFrames_onPlainConnections_closeOnlyTheBadClients() throws Exception {
        server = builder().start();
        fuzz(null);
    }

    @Test
    void mutatedFrames_onTlsConnections_closeOnlyTheBadClients() throws Exception {
        server = builder().tls(TlsIdentity.pem(certificate.certificatePem(), certificate.keyPem())).start();
        fuzz(certificate.clientContext());
    }

    private ServerConfig.Builder builder() {
        return WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0)
                .handshakeTimeout(Duration.ofSeconds(3)).pingInterval(Duration.ofSeconds(2))
                .pingTimeout(Duration.ofSeconds(2)).closeTimeout(Duration.ofSeconds(1)).commandsPerSecond(10_000);
    }

    private void fuzz(SSLContext tls) throws Exception {
        String replay = "seed " + seed + " (replay with -Dwsmon.fuzz.seed=" + seed + ")";
        List<JdkClient> good = new ArrayList<>();
        ExecutorService fuzzers = Executors.newFixedThreadPool(FUZZERS);
        try {
            for (int i = 0; i < GOOD_CLIENTS; i++) {
                good.add(tls == null ? JdkClient.connect(server.port()) : JdkClient.connectTls(server.port(), tls));
            }
            for (JdkClient client : good) {
                client.next("connection");
            }
            Await.until("the good clients connected", () -> server.connectedClients() == GOOD_CLIENTS);
            Set<String> serverThreads = serverThreads();

            FrameFuzzer fuzzer = new FrameFuzzer(server.port(), tls, seed);
            long deadline = System.nanoTime() + FrameFuzzer.duration(Duration.ofSeconds(12)).toNanos();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < FUZZERS; i++) {
                int first = i;
                running.add(fuzzers.submit(() -> fuzzer.runUntil(first, FUZZERS, deadline)));
            }
            List<List<Long>> seen = new ArrayList<>();
            good.forEach(client -> seen.add(new ArrayList<>()));
            long firstSeq = -1;
            while (running.stream().anyMatch(f -> !f.isDone())) {
                long seq = feed.publish().seq();
                firstSeq = firstSeq < 0 ? seq : firstSeq;
                for (int i = 0; i < good.size(); i++) {
                    List<Long> seqs = seen.get(i);
                    good.get(i).nextMatching(n -> {
                        long s = n.path("seq").asLong(-1);
                        if (s >= 0 && n.path("type").asText().equals("monitoring_data")) {
                            seqs.add(s);
                        }
                        return s == seq;
                    });
                }
                waitForTick(running);
            }
            for (Future<?> f : running) {
                f.get();
            }

            assertThat(fuzzer.problems()).as(replay).isEmpty();
            assertThat(server.isRunning()).as(replay).isTrue();
            for (List<Long> seqs : seen) {
                assertThat(seqs).as("ticks a good client got; " + replay)
                        .isEqualTo(java.util.stream.LongStream.rangeClosed(firstSeq, firstSeq + seqs.size() - 1).boxed().toList());
            }
            // a bad client that completed its handshake may still be closing when its fuzzer is done
            Await.until("only the good clients connected; " + replay, () -> server.connectedClients() == GOOD_CLIENTS);
            Await.until("every bad client's socket closed", () -> server.openSockets() == GOOD_CLIENTS);
            assertThat(serverThreads()).as(replay).isEqualTo(serverThreads);
            assertThat(fuzzer.cases().values().stream().mapToLong(Long::longValue).sum()).as(replay).isPositive();
            System.out.printf("frame fuzz (%s, %s): cases %s, close codes %s%n", tls == null ? "plain" : "TLS", replay,
                    fuzzer.cases(), fuzzer.closeCodes());
        } finally {
            fuzzers.shutdownNow();
            fuzzers.awaitTermination(20, TimeUnit.SECONDS);
            good.forEach(JdkClient::close);
        }
    }

    /** Waits one tick interval, or less if the fuzzers are done. */
    private static void waitForTick(List<Future<?>> running) throws Exception {
        long until = System.nanoTime() + TICK.toNanos();
        for (Future<?> f : running) {
            long left = until - System.nanoTime();
            if (left > 0) {
                try {
                    f.get(left, TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // the tick interval is over while this fuzzer still runs
                }
            }
        }
    }

    private static Set<String> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("wsmon-")).collect(Collectors.toCollection(TreeSet::new));
    }
}
