package io.wsmon.core;

/** Where a {@link MonitoringService} is in its life. */
public enum ServiceStatus {
    /** Built, not started. */
    NEW,
    /** Starting monitors and exporters. */
    STARTING,
    /** Collecting every interval. */
    RUNNING,
    /** Stopping: last exports and closing extensions. */
    STOPPING,
    /** Stopped; it cannot be started again. */
    STOPPED
}
