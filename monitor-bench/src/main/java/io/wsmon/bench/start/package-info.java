/**
 * The start-time benchmark ({@link io.wsmon.bench.start.StartTime}): the real server jar and its launcher
 * started as processes, timed to the first {@code monitoring_data} a WebSocket client receives.
 */
package io.wsmon.bench.start;
