package io.wsmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.core.time.ManualClock;
import io.wsmon.core.testing.Await;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class FixedRateLoopTest {

    private static final Duration PERIOD = Duration.ofMillis(500);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-03T10:00:00Z"), ZoneOffset.UTC);
    private final List<Long> runTimes = new CopyOnWriteArrayList<>();

    @Test
    void runs_takingPartOfThePeriod_startExactlyOnTheGrid() throws Exception {
        try (FixedRateLoop loop = new FixedRateLoop("test", clock, PERIOD, true, () -> {
            runTimes.add(clock.nanoTime());
            clock.advance(Duration.ofMillis(170)); // the run itself takes time: the next start must not move
        })) {
            loop.start();
            for (int i = 1; i <= 5; i++) {
                int runs = i;
                Await.until(runs + " runs", () -> runTimes.size() == runs);
                clock.awaitSleepers(1, Duration.ofSeconds(5));
                clock.advance(PERIOD.minusMillis(170));
            }
            Await.until("6 runs", () -> runTimes.size() == 6);
            assertThat(runTimes).containsExactly(0L, ms(500), ms(1000), ms(1500), ms(2000), ms(2500));
            assertThat(loop.missedRuns()).isZero();
        }
    }

    @Test
    void run_overrunningTwoPeriods_skipsTheMissedSlotsInsteadOfBursting() throws Exception {
        try (FixedRateLoop loop = new FixedRateLoop("test", clock, PERIOD, true, () -> {
            runTimes.add(clock.nanoTime());
            if (runTimes.size() == 2) {
                clock.advance(Duration.ofMillis(1200)); // runs from 500 ms to 1700 ms: slots 1000 and 1500 are gone
            }
        })) {
            loop.start();
            Await.until("first run", () -> runTimes.size() == 1);
            clock.awaitSleepers(1, Duration.ofSeconds(5));
            clock.advance(PERIOD);
            Await.until("second run", () -> runTimes.size() == 2);
            clock.awaitSleepers(1, Duration.ofSeconds(5));
            clock.advance(Duration.ofMillis(300)); // now 2000 ms
            Await.until("third run", () -> runTimes.size() == 3);

            assertThat(runTimes).containsExactly(0L, ms(500), ms(2000));
            assertThat(loop.missedRuns()).isEqualTo(2);
        }
    }

    @Test
    void start_clockMovingBeforeTheLoopThreadRuns_keepsTheScheduleOfTheStartCall() throws Exception {
        try (FixedRateLoop loop = new FixedRateLoop("test", clock, PERIOD, false, () -> runTimes.add(clock.nanoTime()))) {
            loop.start();
            clock.advance(Duration.ofMillis(200)); // may well land before the loop's thread has done anything
            clock.awaitSleepers(1, Duration.ofSeconds(5));
            clock.advance(Duration.ofMillis(300));
            Await.until("first run", () -> runTimes.size() == 1);

            assertThat(runTimes).containsExactly(ms(500));
        }
    }

    @Test
    void run_throwing_isLoggedAndTheLoopGoesOn() throws Exception {
        try (FixedRateLoop loop = new FixedRateLoop("test", clock, PERIOD, true, () -> {
            runTimes.add(clock.nanoTime());
            throw new IllegalStateException("boom");
        })) {
            loop.start();
            Await.until("first run", () -> runTimes.size() == 1);
            clock.awaitSleepers(1, Duration.ofSeconds(5));
            clock.advance(PERIOD);
            Await.until("second run", () -> runTimes.size() == 2);
        }
    }

    @Test
    void close_stopsTheThread() throws Exception {
        FixedRateLoop loop = new FixedRateLoop("wsmon-test-close", clock, PERIOD, true, () -> runTimes.add(0L));
        loop.start();
        Await.until("first run", () -> runTimes.size() == 1);
        loop.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("wsmon-test-close"));
    }

    private static long ms(long millis) {
        return millis * 1_000_000;
    }
}
