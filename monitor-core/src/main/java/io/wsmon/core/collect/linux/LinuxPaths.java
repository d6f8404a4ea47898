package io.wsmon.core.collect.linux;

import java.nio.file.Path;

/** Where the kernel's file systems are mounted; the monitors take other roots in tests. */
final class LinuxPaths {

    /** The real {@code /proc}. */
    static final Path PROC = Path.of("/proc");
    /** The real {@code /sys}. */
    static final Path SYS = Path.of("/sys");
    /** The real user database. */
    static final Path PASSWD = Path.of("/etc/passwd");

    private LinuxPaths() {}
}
