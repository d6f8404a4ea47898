package io.wsmon.core;

import io.wsmon.api.Exporter;
import io.wsmon.api.Snapshot;
import io.wsmon.core.time.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one exporter with the latest snapshot every interval, on a thread of its own: exports never
 * overlap, never pile up (a slot that finds the previous export still running is skipped), and a slow
 * or failing exporter holds up nobody else. On close it exports once more, then closes the exporter.
 */
final class ExporterRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExporterRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private final Exporter exporter;
    private final Supplier<Snapshot> latest;
    private final Clock clock;
    private final ExecutorService thread;
    private final FixedRateLoop schedule;
    private final FailureLog failures;
    private final AtomicBoolean queued = new AtomicBoolean();
    private Snapshot lastExported;
    private long exports;
    private long errors;
    private String lastError;
    private Instant lastExport;

    ExporterRunner(Exporter exporter, Duration interval, Supplier<Snapshot> latest, Clock clock, Ticker ticker) {
        this.exporter = exporter;
        this.latest = latest;
        this.clock = clock;
        this.thread = Executors.newSingleThreadExecutor(new ThreadNaming("wsmon-export-" + exporter.name() + "-"));
        this.schedule = new FixedRateLoop("wsmon-export-schedule-" + exporter.name(), ticker, interval, false,
                this::exportWhenIdle);
        this.failures = new FailureLog(log, "exporter '" + exporter.name() + "'", "failed exports");
    }

    String name() {
        return exporter.name();
    }

    void start() {
        schedule.start();
    }

    private void exportWhenIdle() {
        if (queued.compareAndSet(false, true)) {
            thread.execute(() -> {
                queued.set(false);
                exportLatest(false);
            });
        }
    }

    /** Exports the latest snapshot now, after any export in progress. */
    CompletableFuture<Void> exportNow() {
        return CompletableFuture.runAsync(() -> exportLatest(true), thread);
    }

    private void exportLatest(boolean rethrow) {
        Snapshot snapshot = latest.get();
        if (snapshot == null || snapshot == lastExported) {
            return;
        }
        try {
            exporter.export(snapshot);
            synchronized (this) {
                exports++;
                lastExport = clock.instant();
            }
            lastExported = snapshot;
            failures.succeeded();
        } catch (Exception e) {
            synchronized (this) {
                errors++;
                lastError = e.toString();
            }
            failures.failed("export failed", e);
            if (rethrow) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }
    }

    synchronized ExporterStatistics statistics() {
        return new ExporterStatistics(exports, errors, failures.isFailing(), lastError, lastExport);
    }

    /** Stops the schedule, exports the latest snapshot once more, and closes the exporter. */
    @Override
    public void close() {
        schedule.close();
        thread.execute(() -> {
            exportLatest(false);
            try {
                exporter.close();
            } catch (Exception e) {
                log.warn("exporter '{}': close failed", exporter.name(), e);
            }
        });
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("exporter '{}': still busy after {}, abandoned", exporter.name(), CLOSE_TIMEOUT);
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
