package io.wsmon.core.alert.delivery;

import java.util.List;
import java.util.Optional;

/**
 * Counters of all handlers of an {@link AlertHandlerManager}, as the seed's {@code get_statistics()}.
 *
 * @param totalHandled alerts delivered, summed over handlers
 * @param totalErrors failed deliveries, summed over handlers
 * @param totalDropped alerts dropped on full queues, summed over handlers
 * @param handlers each handler's counters, in the order added
 */
public record DeliveryStatistics(long totalHandled, long totalErrors, long totalDropped, List<HandlerStatistics> handlers) {

    /** Copies the list so the record stays immutable. */
    public DeliveryStatistics {
        handlers = List.copyOf(handlers);
    }

    /**
     * @param name a handler's name
     * @return its counters, or empty when there is no such handler
     */
    public Optional<HandlerStatistics> handler(String name) {
        return handlers.stream().filter(h -> h.name().equals(name)).findFirst();
    }
}
