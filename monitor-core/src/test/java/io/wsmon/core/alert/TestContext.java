package io.wsmon.core.alert;

import io.wsmon.api.MonitorContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A {@link MonitorContext} for tests.
 *
 * @param clock the clock
 * @param interval the interval
 * @param settings the settings
 */
public record TestContext(Clock clock, Duration interval, Map<String, String> settings) implements MonitorContext {

    /** @return a context with the system clock, 0.5 s interval and no settings */
    public static TestContext system() {
        return new TestContext(Clock.systemUTC(), Duration.ofMillis(500), Map.of());
    }
}
