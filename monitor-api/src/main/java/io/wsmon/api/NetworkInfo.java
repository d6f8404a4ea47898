package io.wsmon.api;

import java.util.List;

/**
 * The {@code network} section: traffic over all interfaces and per interface.
 *
 * @param bytesSentPerSec bytes sent per second since the previous tick, all interfaces
 * @param bytesRecvPerSec bytes received per second since the previous tick, all interfaces
 * @param bytesSent bytes sent since boot, all interfaces
 * @param bytesRecv bytes received since boot, all interfaces
 * @param interfaces each interface, in the operating system's order
 */
public record NetworkInfo(
        double bytesSentPerSec,
        double bytesRecvPerSec,
        long bytesSent,
        long bytesRecv,
        List<NetworkInterfaceInfo> interfaces) {

    /** Copies the list so the record stays immutable. */
    public NetworkInfo {
        interfaces = List.copyOf(interfaces);
    }
}
