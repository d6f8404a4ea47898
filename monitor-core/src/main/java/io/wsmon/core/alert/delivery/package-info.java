/**
 * Alert delivery off the collection thread: {@link io.wsmon.core.alert.delivery.AlertHandlerManager} keeps the
 * handlers, each wrapped in a {@link io.wsmon.core.alert.delivery.ManagedAlertHandler} (enabled flag, filters,
 * counters) with a {@link io.wsmon.core.alert.delivery.DeliveryLane} of its own: one thread and a bounded
 * queue, so a handler that hangs or fails delays and loses only its own deliveries. Handlers listed in
 * {@code META-INF/services/io.wsmon.api.AlertHandler} are found with {@link io.wsmon.core.Extensions#load}.
 *
 * <p>A handler whose {@code start} throws is left out: quietly (one DEBUG line) when it throws
 * {@link io.wsmon.api.MonitorUnavailableException}, meaning it is not configured; with one WARN line naming the
 * problem for anything else. See {@link io.wsmon.core.alert.delivery.AlertHandlerManager}.
 */
package io.wsmon.core.alert.delivery;
