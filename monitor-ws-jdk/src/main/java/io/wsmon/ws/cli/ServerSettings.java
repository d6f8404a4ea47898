package io.wsmon.ws.cli;

import io.wsmon.core.alert.Thresholds;
import io.wsmon.ws.tls.TlsIdentity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the command runs with, checked and with defaults applied.
 *
 * @param host the interface to listen on
 * @param port the port to listen on; 0 for any free port
 * @param maxClients clients served at once
 * @param sendTimeout how long a client's socket may take no byte before it is closed
 * @param interval time between two snapshots
 * @param historySize snapshots kept in memory
 * @param historyTtl how long a snapshot stays in memory
 * @param diskPaths paths whose disks are watched
 * @param gpu whether the gpu section is collected
 * @param exportDir where snapshots are exported; {@code null} for no export
 * @param exportInterval time between two exports
 * @param exportCompress whether export files are gzipped
 * @param alertCooldown time before the same alert is raised again
 * @param memoryWarning memory use, in percent, that raises a WARNING
 * @param memoryCritical memory use, in percent, that raises a CRITICAL
 * @param diskWarning disk use, in percent, that raises a WARNING
 * @param diskCritical disk use, in percent, that raises a CRITICAL
 * @param diskFreeWarningGb free disk space, in GB, below which a WARNING is raised
 * @param diskFreeCriticalGb free disk space, in GB, below which a CRITICAL is raised
 * @param cpuWarning CPU use, in percent, that raises a WARNING; {@code null} for none
 * @param cpuCritical CPU use, in percent, that raises a CRITICAL; {@code null} for none
 * @param optionalThresholds the thresholds set for rules that are off by default (sensor temperature,
 *     container memory, disk busy time, memory pressure), by their configuration key
 * @param token the shared secret clients must present; {@code null} for none
 * @param allowedOrigins browser origins allowed besides the server's own
 * @param allowedHosts {@code Host} names allowed besides the server's own names and addresses
 * @param tls the certificate to speak TLS with; {@code null} for plain {@code ws://}
 * @param display the console view; {@code null} to choose by whether stdout is a terminal
 * @param extensionSettings settings for extensions, such as {@code gpu.backend}, handed to the service
 * @param dashboard whether a dashboard endpoint on the class path is served
 * @param metrics whether a metrics endpoint on the class path is served
 */
public record ServerSettings(
        String host,
        int port,
        int maxClients,
        Duration sendTimeout,
        Duration interval,
        int historySize,
        Duration historyTtl,
        List<Path> diskPaths,
        boolean gpu,
        Path exportDir,
        Duration exportInterval,
        boolean exportCompress,
        Duration alertCooldown,
        double memoryWarning,
        double memoryCritical,
        double diskWarning,
        double diskCritical,
        double diskFreeWarningGb,
        double diskFreeCriticalGb,
        Double cpuWarning,
        Double cpuCritical,
        Thresholds optionalThresholds,
        String token,
        List<String> allowedOrigins,
        List<String> allowedHosts,
        TlsIdentity tls,
        DisplayMode display,
        Map<String, String> extensionSettings,
        boolean dashboard,
        boolean metrics) {

    /** Copies the collections so the record stays immutable. */
    public ServerSettings {
        diskPaths = List.copyOf(diskPaths);
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = List.copyOf(allowedHosts);
        extensionSettings = Map.copyOf(extensionSettings);
    }

    /**
     * What the server's HTTP endpoint providers are told: the extension settings, and {@code dashboard}
     * and {@code metrics} as {@code true} or {@code false}.
     *
     * @return every setting by key
     */
    public Map<String, String> endpointSettings() {
        Map<String, String> all = new TreeMap<>(extensionSettings);
        all.put("dashboard", Boolean.toString(dashboard));
        all.put("metrics", Boolean.toString(metrics));
        return all;
    }
}
