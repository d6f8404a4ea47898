/** Embedding the monitoring service in an application. */
package io.wsmon.examples.embedding;
