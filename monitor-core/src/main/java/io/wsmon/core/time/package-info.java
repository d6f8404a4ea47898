/**
 * Time as an injectable dependency: {@link io.wsmon.core.time.Ticker} for the schedule and
 * {@link io.wsmon.core.time.ManualClock} for tests that step time by hand instead of sleeping.
 */
package io.wsmon.core.time;
