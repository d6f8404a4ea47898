/**
 * Runnable examples of wsmon: embedding the service, a custom monitor, a custom exporter found through
 * {@code META-INF/services}.
 */
package io.wsmon.examples;
