/**
 * Benchmarks of the alert engine: what {@code AlertManager.evaluate} costs the collection thread, and how long
 * an alert takes from the tick that crosses a threshold to its handler's {@code handle} call.
 */
package io.wsmon.bench.alert;
