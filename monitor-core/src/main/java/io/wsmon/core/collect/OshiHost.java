package io.wsmon.core.collect;

import java.time.Instant;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * The OSHI entry points, created once per service (creating them costs ~200 ms), and the
 * {@link HostFacts} read through them.
 */
public final class OshiHost {

    private final HardwareAbstractionLayer hardware;
    private final OperatingSystem os;

    /** Creates OSHI's hardware and operating-system views. */
    public OshiHost() {
        SystemInfo systemInfo = new SystemInfo();
        this.hardware = systemInfo.getHardware();
        this.os = systemInfo.getOperatingSystem();
    }

    HardwareAbstractionLayer hardware() {
        return hardware;
    }

    OperatingSystem os() {
        return os;
    }

    /**
     * Reads what never changes. Slow (tens of milliseconds, it may start processes): call once.
     *
     * @return the host's static facts
     */
    public HostFacts readFacts() {
        CentralProcessor cpu = hardware.getProcessor();
        long maxFreqHz = cpu.getMaxFreq();
        String osName = System.getProperty("os.name");
        String architecture = System.getProperty("os.arch");
        return new HostFacts(
                osName,
                osVersion(),
                System.getProperty("os.version"),
                architecture,
                HostFacts.machineOf(architecture),
                cpu.getProcessorIdentifier().getName().trim(),
                os.getNetworkParams().getHostName(),
                "",
                cpu.getPhysicalProcessorCount(),
                cpu.getLogicalProcessorCount(),
                maxFreqHz > 0 ? (Double) Rounding.oneDecimal(maxFreqHz / 1e6)
                        : NominalFrequency.ofModelName(cpu.getProcessorIdentifier().getName()),
                Instant.ofEpochSecond(os.getSystemBootTime()));
    }

    private String osVersion() {
        OperatingSystem.OSVersionInfo info = os.getVersionInfo();
        String build = info.getBuildNumber();
        String version = info.getVersion();
        return build == null || build.isBlank() ? version : build;
    }
}
