package io.wsmon.alert.handlers;

import io.wsmon.api.MonitorContext;
import io.wsmon.core.ServiceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Service settings for starting a handler without a service. */
final class Settings {

    private Settings() {}

    /**
     * @param keysAndValues a key, its value, the next key, its value...
     * @return a context holding those settings
     */
    static MonitorContext of(String... keysAndValues) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new ServiceContext(Clock.systemUTC(), Duration.ofMillis(500), settings);
    }
}
