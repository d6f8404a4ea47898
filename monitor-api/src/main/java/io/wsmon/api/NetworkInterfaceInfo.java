package io.wsmon.api;

/**
 * Traffic of one network interface, part of {@link NetworkInfo}.
 *
 * @param name the interface name, for example {@code "eth0"}
 * @param bytesSentPerSec bytes sent per second since the previous tick
 * @param bytesRecvPerSec bytes received per second since the previous tick
 * @param bytesSent bytes sent since boot
 * @param bytesRecv bytes received since boot
 */
public record NetworkInterfaceInfo(
        String name, double bytesSentPerSec, double bytesRecvPerSec, long bytesSent, long bytesRecv) {}
