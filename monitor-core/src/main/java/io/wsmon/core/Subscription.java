package io.wsmon.core;

/** A listener's registration with a {@link MonitoringService}; closing it stops delivery. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    /** Stops delivery to the listener. Idempotent. */
    @Override
    void close();
}
