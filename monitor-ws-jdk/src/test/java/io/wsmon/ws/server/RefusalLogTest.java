package io.wsmon.ws.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RefusalLogTest {

    private final ManualClock clock = new ManualClock(Instant.EPOCH, ZoneOffset.UTC);
    private final RefusalLog log = new RefusalLog(clock, Duration.ofSeconds(60).toNanos());

    @Test
    void refused_floodWithinAWindow_isLoggedOnceAndCountedInFull() {
        int logged = 0;
        for (int i = 0; i < 1000; i++) {
            logged += log.refused(null, 403, "Origin not allowed") ? 1 : 0;
            clock.advance(Duration.ofMillis(10));
        }

        assertThat(logged).isEqualTo(1);
        assertThat(log.total()).isEqualTo(1000);
    }

    @Test
    void refused_afterTheWindow_isLoggedAgain() {
        log.refused(null, 403, "first");
        clock.advance(Duration.ofSeconds(60));

        assertThat(log.refused(null, 403, "second")).isTrue();
    }

    @Test
    void logForging_reasonWithControlCharactersAndNonAscii_isEscapedAndCut() {
        assertThat(RefusalLog.escape("Origin not allowed: http://x\n[ERROR] \u001b[31mforged\u0000\\ é€"))
                .isEqualTo("Origin not allowed: http://x\\x0a[ERROR] \\x1b[31mforged\\x00\\\\ \\xe9\\u20ac");
        assertThat(RefusalLog.escape("h".repeat(10_000))).hasSize(203).endsWith("...");
    }
}
