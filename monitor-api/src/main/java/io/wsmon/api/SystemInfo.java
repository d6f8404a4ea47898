package io.wsmon.api;

import java.time.OffsetDateTime;

/**
 * The {@code system} section: the host and its operating system.
 *
 * @param osName operating system family, for example {@code "Linux"}
 * @param osVersion operating system version, for example the kernel build string
 * @param osRelease operating system release, for example the kernel release {@code "6.1.0-18-amd64"}
 * @param architecture the JVM's architecture name, for example {@code "amd64"}
 * @param machine the hardware name, for example {@code "x86_64"}
 * @param processor the processor's model name
 * @param hostname the host name
 * @param domainname the host's NIS domain name as {@code uname} tells it (on Linux {@code "(none)"} when
 *     unset); empty where the platform does not tell
 * @param javaVersion the running JVM's version, for example {@code "17.0.15"}
 * @param processes processes running now
 * @param bootTime when the host booted, with the local offset
 * @param uptimeSeconds seconds since boot
 */
public record SystemInfo(
        String osName,
        String osVersion,
        String osRelease,
        String architecture,
        String machine,
        String processor,
        String hostname,
        String domainname,
        String javaVersion,
        int processes,
        OffsetDateTime bootTime,
        long uptimeSeconds) {}
