package io.wsmon.core;

import io.wsmon.api.AlertHandler;
import io.wsmon.api.Exporter;
import io.wsmon.api.Monitor;
import io.wsmon.api.SnapshotListener;
import io.wsmon.core.alert.AlertRule;
import io.wsmon.core.time.Ticker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything a {@link MonitoringServiceBuilder} gathered, checked and with defaults applied. */
record ServiceConfig(
        Duration interval,
        Duration collectTimeout,
        int historySize,
        Duration historyMaxAge,
        Duration exportInterval,
        List<Path> diskPaths,
        Clock clock,
        Ticker ticker,
        boolean discovery,
        Set<String> only,
        Set<String> disabled,
        List<Monitor<?>> monitors,
        List<Exporter> exporters,
        List<SnapshotListener> listeners,
        Map<String, String> settings,
        List<AlertRule> alertRules,
        List<AlertHandler> alertHandlers,
        Duration alertCooldown) {

    /** Whether the monitor, exporter or handler with this name takes part. */
    boolean isEnabled(String name) {
        return !disabled.contains(name);
    }

    /** Whether the monitor with this name takes part. */
    boolean isMonitorEnabled(String name) {
        return isEnabled(name) && (only == null || only.contains(name));
    }
}
