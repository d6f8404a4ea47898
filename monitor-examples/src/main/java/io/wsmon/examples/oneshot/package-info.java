/** Reading a few sections once, from a plain {@code main}, without a running service. */
package io.wsmon.examples.oneshot;
