package io.wsmon.core.alert;

import io.wsmon.api.Alert;
import java.util.ArrayDeque;
import java.util.List;

/** The last alerts raised, oldest dropped first. Thread-safe. */
final class AlertHistory {

    private final int capacity;
    private final ArrayDeque<Alert> alerts;

    /** @param capacity how many alerts are kept; at least 1 */
    AlertHistory(int capacity) {
        this.capacity = capacity;
        this.alerts = new ArrayDeque<>(capacity);
    }

    synchronized void add(Alert alert) {
        if (alerts.size() == capacity) {
            alerts.removeFirst();
        }
        alerts.addLast(alert);
    }

    /** @return the kept alerts, newest last */
    synchronized List<Alert> list() {
        return List.copyOf(alerts);
    }
}
