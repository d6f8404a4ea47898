/**
 * Alerts: threshold rules on snapshot values, cooldown, history, callbacks and delivery to handlers.
 *
 * <p>{@link io.wsmon.core.alert.AlertRule} says when a metric ({@link io.wsmon.core.alert.AlertMetric}) is
 * alarming; {@link io.wsmon.core.alert.AlertManager} checks the rules at each tick, holds back repeats within
 * the cooldown, keeps the active conditions and the recent alerts, and hands new alerts to callbacks and to
 * the handlers of its {@link io.wsmon.core.alert.delivery.AlertHandlerManager}. Filters are in
 * {@code io.wsmon.core.alert.filter}; the built-in handlers (console, file, email, webhook, Slack) are in the
 * {@code monitor-alert-handlers} module, package {@code io.wsmon.alert.handlers}.
 */
package io.wsmon.core.alert;
