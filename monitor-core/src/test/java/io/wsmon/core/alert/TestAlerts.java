package io.wsmon.core.alert;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertLevel;
import java.time.OffsetDateTime;

/** Alerts for tests, worded as the engine words them. */
public final class TestAlerts {

    /** A fixed tick time with microseconds and an offset. */
    public static final OffsetDateTime T0 = OffsetDateTime.parse("2026-01-03T10:15:30.123456+01:00");

    private TestAlerts() {}

    /** @return a memory WARNING at 85.5 % over 80 % */
    public static Alert memoryWarning() {
        return new Alert(T0, "memory", "usage_percent", null, 85.5, 80.0, AlertLevel.WARNING,
                "High memory usage: 85.5% (threshold: 80.0%)");
    }

    /** @return a disk CRITICAL on /data at 96.2 % over 95 % */
    public static Alert diskCritical() {
        return new Alert(T0, "disk", "usage_percent", "/data", 96.2, 95.0, AlertLevel.CRITICAL,
                "Critical disk usage: 96.2% (threshold: 95.0%)");
    }

    /**
     * @param component any component name
     * @param level the level
     * @return an alert of that component and level
     */
    public static Alert of(String component, AlertLevel level) {
        return new Alert(T0, component, "usage_percent", null, 91, 90, level, "test alert for " + component);
    }
}
