/** Exporting snapshots to InfluxDB: line protocol over HTTP with the JDK's own client. */
package io.wsmon.examples.influx;
