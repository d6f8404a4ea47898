/** Real database servers started for a test on a loopback port in a temporary directory, and stopped after it. */
package io.wsmon.examples.servers;
