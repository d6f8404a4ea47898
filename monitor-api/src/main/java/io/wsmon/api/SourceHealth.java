package io.wsmon.api;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot source's health, as {@code /healthz} reports it: the verdict and the problems behind it.
 *
 * @param verdict healthy, degraded (serving, with problems) or unhealthy (not serving)
 * @param running whether snapshots are being made
 * @param problems each problem as a sentence, the reasons of an unhealthy verdict first; empty when healthy
 */
public record SourceHealth(Verdict verdict, boolean running, List<String> problems) {

    /** How many intervals without a new snapshot make a running source unhealthy. */
    public static final int STALE_INTERVALS = 3;

    /** The verdict. */
    public enum Verdict {
        /** Making snapshots on time, nothing failing. */
        HEALTHY,
        /** Making snapshots, but something is failing. */
        DEGRADED,
        /** Stopped, or no snapshot for {@link #STALE_INTERVALS} intervals. */
        UNHEALTHY
    }

    /** Checks the parts and copies the list. */
    public SourceHealth {
        Objects.requireNonNull(verdict, "verdict");
        problems = List.copyOf(problems);
        if (verdict == Verdict.UNHEALTHY && problems.isEmpty()) {
            throw new IllegalArgumentException("problems: an unhealthy verdict needs a reason, got none");
        }
    }

    /**
     * The health of any source by the rules every source shares: unhealthy when stopped or when its
     * newest snapshot is older than {@link #STALE_INTERVALS} intervals, healthy otherwise.
     *
     * @param source the source
     * @param clock what "now" is
     * @return the health
     */
    public static SourceHealth of(SnapshotSource source, Clock clock) {
        if (!source.isRunning()) {
            return new SourceHealth(Verdict.UNHEALTHY, false, List.of("the source is stopped"));
        }
        Duration limit = source.interval().multipliedBy(STALE_INTERVALS);
        return source.currentSnapshot()
                .map(snapshot -> Duration.between(snapshot.timestamp().toInstant(), clock.instant()))
                .filter(age -> age.compareTo(limit) > 0)
                .map(age -> new SourceHealth(Verdict.UNHEALTHY, true,
                        List.of("no snapshot for " + age.toMillis() + " ms (interval " + source.interval().toMillis() + " ms)")))
                .orElseGet(() -> new SourceHealth(Verdict.HEALTHY, true, List.of()));
    }

    /**
     * Whether the source serves: any verdict but unhealthy.
     *
     * @return true when healthy or degraded
     */
    public boolean serving() {
        return verdict != Verdict.UNHEALTHY;
    }
}
