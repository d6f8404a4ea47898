/**
 * Alert delivery off the collection thread: {@link io.wsmon.core.alert.delivery.AlertHandlerManager} keeps the
 * handlers, each wrapped in a {@link io.wsmon.core.alert.delivery.ManagedAlertHandler} (enabled flag, filters,
 * counters) with a {@link io.wsmon.core.alert.delivery.DeliveryLane} of its own: one thread and a bounded
 * queue, so a handler that hangs or fails delays and loses only its own deliveries.
 * {@link io.wsmon.core.alert.delivery.AlertHandlerDiscovery} finds handlers through {@link java.util.ServiceLoader}.
 */
package io.wsmon.core.alert.delivery;
