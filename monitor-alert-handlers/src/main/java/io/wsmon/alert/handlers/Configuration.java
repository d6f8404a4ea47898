package io.wsmon.alert.handlers;

import io.wsmon.api.MonitorContext;
import io.wsmon.api.MonitorUnavailableException;

/**
 * What a built-in handler delivers with (its target, its file, its SMTP server): given by the handler's
 * builder, or, for a handler made with the no-argument constructor as {@link java.util.ServiceLoader} makes
 * it, read from the {@code alert.<kind>.} settings when the handler is started. Thread-safe.
 *
 * @param <T> the handler's configured part
 */
final class Configuration<T> {

    /**
     * Reads a handler's configured part from the service settings, through its builder.
     *
     * @param <T> the handler's configured part
     */
    @FunctionalInterface
    interface SettingsReader<T> {
        /**
         * @param context the service's settings
         * @return the configured part
         * @throws MonitorUnavailableException when the handler has no setting at all
         * @throws IllegalArgumentException naming the key of a missing, unknown or bad setting
         */
        T read(MonitorContext context) throws MonitorUnavailableException;
    }

    private final String kind;
    private volatile T value;

    private Configuration(String kind, T value) {
        this.kind = kind;
        this.value = value;
    }

    /**
     * @param kind the handler's kind, for example {@code webhook}
     * @param value what the builder made
     * @param <T> the handler's configured part
     * @return a configuration that {@link #start} leaves as it is
     */
    static <T> Configuration<T> of(String kind, T value) {
        return new Configuration<>(kind, value);
    }

    /**
     * @param kind the handler's kind, for example {@code webhook}: its settings start with {@code alert.webhook.}
     * @param <T> the handler's configured part
     * @return a configuration that {@link #start} reads from the settings
     */
    static <T> Configuration<T> fromSettings(String kind) {
        return new Configuration<>(kind, null);
    }

    /**
     * Reads the settings, unless the builder gave the configuration.
     *
     * @param context the service's settings
     * @param reader reads them
     * @throws MonitorUnavailableException when the handler has no setting at all
     * @throws IllegalArgumentException naming the key of a missing, unknown or bad setting
     */
    void start(MonitorContext context, SettingsReader<T> reader) throws MonitorUnavailableException {
        if (value == null) {
            value = reader.read(context);
        }
    }

    /**
     * @return the configured part
     * @throws IllegalStateException when the handler was made for the settings and not started
     */
    T get() {
        T current = value;
        if (current == null) {
            throw new IllegalStateException("the " + kind + " alert handler is not configured: one made with the"
                    + " no-argument constructor reads its alert." + kind + ".* settings in start(context)");
        }
        return current;
    }

    @Override
    public String toString() {
        T current = value;
        return current == null ? "alert." + kind + ".* settings, read at start" : current.toString();
    }
}
