package io.wsmon.core.alert.delivery;

/**
 * Counters of one handler since it was added.
 *
 * @param name the handler's name
 * @param enabled whether it currently receives alerts
 * @param handled alerts delivered
 * @param errors deliveries that failed (the handler or a filter threw)
 * @param dropped alerts refused because its queue was full
 * @param filtered alerts its filters held back
 */
public record HandlerStatistics(String name, boolean enabled, long handled, long errors, long dropped, long filtered) {}
