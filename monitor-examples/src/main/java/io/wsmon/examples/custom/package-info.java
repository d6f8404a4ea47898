/** Extending wsmon: a custom monitor and a custom exporter declared in {@code META-INF/services}. */
package io.wsmon.examples.custom;
