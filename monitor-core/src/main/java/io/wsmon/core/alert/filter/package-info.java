/**
 * Filters that decide which alerts a handler receives: {@link io.wsmon.core.alert.filter.MinimumLevelFilter}
 * (at least a level), {@link io.wsmon.core.alert.filter.ComponentFilter} (only some components) and
 * {@link io.wsmon.core.alert.filter.TimeWindowFilter} (only at some hours in a time zone, also across
 * midnight). Any {@link io.wsmon.core.alert.filter.AlertFilter} lambda works too.
 */
package io.wsmon.core.alert.filter;
