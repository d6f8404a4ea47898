package io.wsmon.core.alert.delivery;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;
import io.wsmon.core.alert.filter.AlertFilter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A handler as its {@link AlertHandlerManager} keeps it: an enabled flag, filters, counters and a delivery
 * lane of its own, as the seed's handler base class ({@code enabled}, {@code add_filter},
 * {@code should_handle}, {@code handled_count}, {@code error_count}). Thread-safe.
 */
public final class ManagedAlertHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedAlertHandler.class);

    private final AlertHandler handler;
    private final DeliveryLane lane;
    private final FailureLog failures;
    private final List<AlertFilter> filters = new CopyOnWriteArrayList<>();
    private final LongAdder handled = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder filtered = new LongAdder();
    private volatile boolean enabled = true;

    ManagedAlertHandler(AlertHandler handler, int queueCapacity) {
        this.handler = handler;
        this.lane = new DeliveryLane(handler.name(), "alert handler '" + handler.name() + "'", queueCapacity);
        this.failures = new FailureLog(LOG, "alert handler '" + handler.name() + "'", "failed deliveries");
    }

    /** @return the handler's name */
    public String name() {
        return handler.name();
    }

    /** @return the handler itself */
    public AlertHandler handler() {
        return handler;
    }

    /** @return whether the handler receives alerts */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Turns delivery to this handler on or off; alerts raised while off are not kept for later.
     *
     * @param on whether the handler receives alerts
     */
    public void setEnabled(boolean on) {
        enabled = on;
    }

    /**
     * Adds a filter: the handler then receives only alerts every filter accepts.
     *
     * @param filter the filter
     */
    public void addFilter(AlertFilter filter) {
        filters.add(Objects.requireNonNull(filter, "filter"));
    }

    /**
     * @param filter a filter added before (records such as {@code MinimumLevelFilter} compare by value)
     * @return whether it was there
     */
    public boolean removeFilter(AlertFilter filter) {
        return filters.remove(filter);
    }

    /** Removes every filter. */
    public void clearFilters() {
        filters.clear();
    }

    /** @return the filters, in the order added */
    public List<AlertFilter> filters() {
        return List.copyOf(filters);
    }

    /**
     * Whether the handler would receive an alert now: it is enabled and every filter accepts the alert.
     *
     * @param alert an alert
     * @return true when it would be delivered
     */
    public boolean shouldHandle(Alert alert) {
        return enabled && filters.stream().allMatch(filter -> filter.accepts(alert));
    }

    /** @return this handler's counters */
    public HandlerStatistics statistics() {
        return new HandlerStatistics(name(), enabled, handled.sum(), errors.sum(), lane.dropped(), filtered.sum());
    }

    /**
     * Queues an alert for delivery without blocking.
     *
     * @param alert the alert
     * @param result completed with the outcome: true delivered, false failed or dropped, null filtered out;
     *     may be null when nobody waits for it
     */
    void submit(Alert alert, CompletableFuture<Boolean> result) {
        if (!lane.submit(new Delivery(alert, result)) && result != null) {
            result.complete(false);
        }
    }

    DeliveryLane lane() {
        return lane;
    }

    /** Runs on the lane: filters, then delivers, counting the outcome. */
    private Boolean deliver(Alert alert) {
        try {
            if (!shouldHandle(alert)) {
                filtered.increment();
                return null;
            }
            handler.handle(alert);
        } catch (Exception | LinkageError e) {
            errors.increment();
            if (e instanceof InterruptedException) {
                // Only close() interrupts a delivery, and it logs what it cut short.
                Thread.currentThread().interrupt();
            } else {
                failures.failed("delivery failed: " + FailureLog.describe(e), e);
            }
            return false;
        }
        handled.increment();
        failures.succeeded();
        return true;
    }

    /** One queued delivery; completes its result even when discarded at shutdown. */
    final class Delivery implements Runnable {
        private final Alert alert;
        private final CompletableFuture<Boolean> result;

        Delivery(Alert alert, CompletableFuture<Boolean> result) {
            this.alert = alert;
            this.result = result;
        }

        @Override
        public void run() {
            Boolean outcome = deliver(alert);
            if (result != null) {
                result.complete(outcome);
            }
        }

        /** Marks the delivery as not done, for a lane shut down before it ran. */
        void abandon() {
            if (result != null) {
                result.complete(false);
            }
        }
    }
}
