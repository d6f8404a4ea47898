package io.wsmon.api;

/**
 * A source of one snapshot section.
 *
 * <p>The service calls {@link #start} once, then {@link #collect} once per tick on a thread of its own
 * (never two calls at once for the same monitor), and {@link #close} once when it stops. {@code close}
 * may come while a {@code collect} that hung is still running, so that it can abort it. The value
 * returned by {@code collect} becomes the section named {@link #name()} in that tick's snapshot; it is
 * encoded to JSON with snake_case field names, so a record is the natural choice. The snapshot is read
 * later, from other threads (clients, exporters, alert rules, its JSON encoded on first use), so the value
 * must not change once returned: return a new value each tick, never one kept and updated in place.
 *
 * <p>Contract for implementors:
 * <ul>
 *   <li>{@code collect} must not sleep to measure rates: keep the previous reading in a field and
 *       compute deltas (the first call may return a value without rates).</li>
 *   <li>A {@code collect} that throws, or that has not returned by the tick's deadline, costs only this
 *       section for that tick; the service counts it and logs it once, not every tick. A call still
 *       running at the next tick is not started again.</li>
 *   <li>A monitor that cannot work on this machine (no GPU, no permission) throws
 *       {@link MonitorUnavailableException} from {@code start}: the section is then left out for the
 *       service's whole life and one line is logged.</li>
 *   <li>Facts that never change (model names, totals) should be read once in {@code start}.</li>
 * </ul>
 *
 * <p>To be found by {@link java.util.ServiceLoader}, list the class in
 * {@code META-INF/services/io.wsmon.api.Monitor} and give it a public no-argument constructor.
 *
 * @param <T> the type of the section value
 */
public interface Monitor<T> extends AutoCloseable {

    /**
     * The section name this monitor fills, unique within a service, for example {@code "processor"}.
     * Lower case with underscores, as it appears in JSON.
     *
     * @return the section name
     */
    String name();

    /**
     * Prepares the monitor. Called once, before the first {@link #collect}.
     *
     * @param context the service's settings, clock and interval
     * @throws MonitorUnavailableException when the monitor cannot work on this machine
     * @throws Exception when starting failed in any other way; treated like unavailable
     */
    default void start(MonitorContext context) throws Exception {}

    /**
     * Reads the current values.
     *
     * @return the section value, or {@code null} to leave the section out of this tick
     * @throws Exception when reading failed; only this section is lost for this tick
     */
    T collect() throws Exception;

    /**
     * Releases what {@link #start} acquired, aborting a {@code collect} still in progress. Called once, from
     * the thread stopping the service; the default does nothing.
     */
    @Override
    default void close() throws Exception {}
}
