package io.wsmon.core.collect;

import java.time.Instant;

/**
 * What never changes while the process runs, read once.
 *
 * @param osName operating system family, for example {@code "Linux"}
 * @param osVersion operating system version (on Linux the kernel build string)
 * @param osRelease operating system release (on Linux the kernel release)
 * @param architecture the JVM's architecture name
 * @param machine the hardware name, for example {@code "x86_64"}
 * @param processorName the processor's model name
 * @param hostname the host name
 * @param domainname the host's NIS domain name as {@code uname} tells it (on Linux {@code "(none)"} when
 *     unset); empty where the platform does not tell
 * @param physicalCores physical processor cores
 * @param logicalProcessors logical processors
 * @param maxFrequencyMhz maximum frequency in MHz; {@code null} when unknown
 * @param bootTime when the host booted
 */
public record HostFacts(
        String osName,
        String osVersion,
        String osRelease,
        String architecture,
        String machine,
        String processorName,
        String hostname,
        String domainname,
        int physicalCores,
        int logicalProcessors,
        Double maxFrequencyMhz,
        Instant bootTime) {

    /**
     * The hardware name as {@code uname -m} prints it, from the JVM's architecture name.
     *
     * @param architecture the {@code os.arch} system property
     * @return for example {@code x86_64} for {@code amd64}
     */
    public static String machineOf(String architecture) {
        return switch (architecture.toLowerCase(java.util.Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "x86", "i386", "i486", "i586", "i686" -> "i686";
            case "arm64", "aarch64" -> "aarch64";
            default -> architecture;
        };
    }
}
