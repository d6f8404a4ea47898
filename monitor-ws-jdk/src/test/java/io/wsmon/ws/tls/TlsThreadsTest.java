package io.wsmon.ws.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TlsThreadsTest {

    private final CompletableFuture<Throwable> uncaught = new CompletableFuture<>();
    private final TlsThreads threads = new TlsThreads(1, task -> {
        Thread thread = new Thread(task, "wsmon-tls-test");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((dead, error) -> uncaught.complete(error));
        return thread;
    });

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void outOfMemory_inAHandshakeTask_reachesTheThreadsUncaughtExceptionHandlerNotOnlyItsFuture() throws Exception {
        threads.execute(() -> {
            throw new OutOfMemoryError("Java heap space");
        });

        assertThat(uncaught.get(10, TimeUnit.SECONDS)).isInstanceOf(OutOfMemoryError.class).hasMessage("Java heap space");
    }

    @Test
    void outOfMemory_inThePeriodicCertificateCheck_reachesTheThreadsUncaughtExceptionHandler() throws Exception {
        threads.scheduleWithFixedDelay(() -> {
            throw new OutOfMemoryError("Metaspace");
        }, 0, 1, TimeUnit.MILLISECONDS);

        assertThat(uncaught.get(10, TimeUnit.SECONDS)).isInstanceOf(OutOfMemoryError.class).hasMessage("Metaspace");
    }

    @Test
    void otherException_staysWithItsTask_andTheThreadRunsTheNext() throws Exception {
        CountDownLatch next = new CountDownLatch(1);
        threads.execute(() -> {
            throw new IllegalStateException("engine failure, reported at the next wrap");
        });
        threads.execute(next::countDown);

        assertThat(next.await(10, TimeUnit.SECONDS)).as("the next task ran").isTrue();
        assertThat(uncaught).isNotDone();
    }
}
