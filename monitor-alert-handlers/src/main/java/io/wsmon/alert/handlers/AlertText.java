package io.wsmon.alert.handlers;

import io.wsmon.api.Alert;
import io.wsmon.core.json.TimestampFormat;
import java.time.OffsetDateTime;

/** The plain-text forms of an alert shared by the console, file and email handlers. */
final class AlertText {

    private AlertText() {}

    /**
     * One line, without line break:
     * {@code 2026-01-03T10:15:30.123456+01:00 [CRITICAL] disk usage_percent /data: Critical disk usage: 96.2% (threshold: 95.0%)}.
     * Line breaks inside the fields are replaced by spaces, so one alert is always one line.
     *
     * @param alert the alert
     * @return the line
     */
    static String line(Alert alert) {
        String text = timestamp(alert.timestamp()) + " [" + alert.level() + "] " + alert.component() + " "
                + alert.metric() + (alert.resource() == null ? "" : " " + alert.resource()) + ": " + alert.message();
        return text.replace('\r', ' ').replace('\n', ' ');
    }

    /**
     * @param timestamp a time
     * @return it as in the snapshot JSON, for example {@code 2026-01-03T10:15:30.123456+01:00}
     */
    static String timestamp(OffsetDateTime timestamp) {
        return TimestampFormat.MICROS.format(timestamp);
    }
}
