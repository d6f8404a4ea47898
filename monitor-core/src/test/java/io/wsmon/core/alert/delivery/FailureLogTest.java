package io.wsmon.core.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class FailureLogTest {

    private final RecordingLogger logger = new RecordingLogger();
    private final FailureLog log = new FailureLog(logger, "alert handler 'email'", "failed deliveries");

    @Test
    void failed_sameProblemEveryTick_isWarnedOnce() {
        IOException down = new IOException("Connection refused");
        for (int tick = 0; tick < 100; tick++) {
            log.failed(FailureLog.describe(down), down);
        }

        assertThat(logger.at(Level.WARN)).singleElement().satisfies(line -> {
            assertThat(line.message()).isEqualTo(
                    "alert handler 'email': IOException: Connection refused (repeats are counted, not logged)");
            assertThat(line.thrown()).isSameAs(down);
        });
        assertThat(logger.at(Level.DEBUG)).hasSize(99).last().extracting(RecordingLogger.Line::message)
                .isEqualTo("alert handler 'email': IOException: Connection refused (100 failed deliveries so far)");
    }

    @Test
    void failed_problemChanges_isWarnedAgain() {
        log.failed("IOException: Connection refused", null);
        log.failed("IOException: Connection refused", null);
        log.failed("AuthenticationFailedException: 535", null);

        assertThat(logger.at(Level.WARN)).extracting(RecordingLogger.Line::message).containsExactly(
                "alert handler 'email': IOException: Connection refused (repeats are counted, not logged)",
                "alert handler 'email': AuthenticationFailedException: 535 (repeats are counted, not logged)");
    }

    @Test
    void succeeded_afterFailures_logsRecoveryOnceAndRearms() {
        log.failed("IOException: Connection refused", null);
        log.failed("IOException: Connection refused", null);
        log.succeeded();
        log.succeeded();
        log.failed("IOException: Connection refused", null);

        assertThat(logger.at(Level.INFO)).extracting(RecordingLogger.Line::message)
                .containsExactly("alert handler 'email': working again after 2 failed deliveries");
        assertThat(logger.at(Level.WARN)).hasSize(2);
    }

    @Test
    void succeeded_withoutFailures_logsNothing() {
        log.succeeded();

        assertThat(logger.lines).isEmpty();
    }
}
