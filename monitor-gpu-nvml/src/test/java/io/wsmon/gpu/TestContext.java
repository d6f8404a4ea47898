package io.wsmon.gpu;

import io.wsmon.api.MonitorContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A {@link MonitorContext} holding only settings, for starting a monitor without a service.
 *
 * @param settings the settings
 */
public record TestContext(Map<String, String> settings) implements MonitorContext {

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public Duration interval() {
        return Duration.ofMillis(500);
    }
}
