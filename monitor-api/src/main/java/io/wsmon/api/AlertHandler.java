package io.wsmon.api;

/**
 * Delivers alerts somewhere: the console, a file, email, a webhook, Slack.
 *
 * <p>The service calls {@link #start} once, {@link #handle} for each alert that passes the handler's
 * filters, and {@link #close} when it stops. Calls come from the service's alert delivery threads, never
 * from the collection thread, and never two at once for the same handler; a handler that is slow or
 * throws only delays or loses its own deliveries. An exception from {@code handle} counts as a failed
 * delivery.
 *
 * <p>To be found by {@link java.util.ServiceLoader}, list the class in
 * {@code META-INF/services/io.wsmon.api.AlertHandler} and give it a public no-argument constructor;
 * read its settings from {@link MonitorContext#setting(String)} in {@code start}.
 */
public interface AlertHandler extends AutoCloseable {

    /**
     * A name unique among the service's handlers, used to find, enable, disable or remove it.
     *
     * @return the handler's name
     */
    String name();

    /**
     * Prepares the handler. Called once, before the first alert.
     *
     * @param context the service's settings and clock
     * @throws Exception when the handler cannot start; it is then left out and the failure logged
     */
    default void start(MonitorContext context) throws Exception {}

    /**
     * Delivers one alert.
     *
     * @param alert the alert
     * @throws Exception when delivery failed
     */
    void handle(Alert alert) throws Exception;

    /** Releases resources. Called once; the default does nothing. */
    @Override
    default void close() throws Exception {}
}
