package io.wsmon.core.collect;

/**
 * Cumulative traffic of one network interface.
 *
 * @param name the interface name
 * @param bytesSent bytes sent since boot
 * @param bytesRecv bytes received since boot
 */
public record InterfaceCounters(String name, long bytesSent, long bytesRecv) {}
