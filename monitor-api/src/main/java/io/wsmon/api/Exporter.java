package io.wsmon.api;

import java.time.Duration;
import java.util.Optional;

/**
 * Sends snapshots somewhere: a file, a database, a metrics system.
 *
 * <p>The service calls {@link #start} once, then {@link #export} with the latest snapshot every
 * {@link #interval()} on a thread of this exporter's own (calls never overlap, and a slow or failing
 * exporter never delays collection or the other exporters), {@link #export} once more when the service
 * stops (so the last state is not lost), and finally {@link #close}.
 *
 * <p>An exception from {@code export} is counted and logged by the service, and the exporter is called
 * again at its next interval; it is up to the exporter to keep and retry what it could not write.
 *
 * <p>The snapshot's JSON is already encoded ({@link Snapshot#json()}); write those bytes rather than
 * serialising again.
 *
 * <p>To be found by {@link java.util.ServiceLoader}, list the class in
 * {@code META-INF/services/io.wsmon.api.Exporter} and give it a public no-argument constructor;
 * read its settings from {@link MonitorContext#setting(String)} in {@code start}.
 */
public interface Exporter extends AutoCloseable {

    /**
     * A name unique among the service's exporters, used in logs, statistics and to disable a
     * discovered exporter.
     *
     * @return the exporter's name
     */
    String name();

    /**
     * How often {@link #export} is called. Empty means the service's export interval (60 s by default).
     *
     * @return the export interval, or empty for the service default
     */
    default Optional<Duration> interval() {
        return Optional.empty();
    }

    /**
     * Prepares the exporter. Called once, before the first export.
     *
     * @param context the service's settings, clock and interval
     * @throws MonitorUnavailableException when the exporter has no settings at all (a discovered exporter
     *     nobody configured): it is then left out with a DEBUG line only
     * @throws Exception when the exporter cannot start; it is then left out and the failure logged
     */
    default void start(MonitorContext context) throws Exception {}

    /**
     * Exports one snapshot.
     *
     * @param snapshot the latest snapshot
     * @throws Exception when the export failed; counted, logged, and the exporter is called again later
     */
    void export(Snapshot snapshot) throws Exception;

    /** Releases resources. Called once, after the last export; the default does nothing. */
    @Override
    default void close() throws Exception {}
}
