package io.wsmon.core;

import io.wsmon.api.MonitorContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The {@link MonitorContext} a service hands to its extensions. */
record ServiceContext(Clock clock, Duration interval, Map<String, String> settings) implements MonitorContext {

    ServiceContext {
        settings = Map.copyOf(settings);
    }
}
