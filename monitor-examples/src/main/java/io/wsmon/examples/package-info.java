/**
 * Runnable examples of wsmon: embedding the service, one-shot collection without one, a custom monitor, a custom exporter found through
 * {@code META-INF/services}, and integrations with PostgreSQL, InfluxDB and a REST endpoint; {@link
 * io.wsmon.examples.CtrlC} lets each {@code main} run until Ctrl-C.
 */
package io.wsmon.examples;
