package io.wsmon.core.collect.linux;

/** {@code /proc/PID/stat} lines of the fixture's processes with other processor times. */
final class LinuxFixtureStat {

    private LinuxFixtureStat() {}

    /** Process 200 of the {@code host} fixture with these user and system ticks. */
    static String java(long utime, long stime) {
        return "200 (java (app) x) R 1 200 200 0 -1 4194560 100 0 0 0 " + utime + " " + stime
                + " 0 0 -2 -5 31 0 50000 170000000 30000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n";
    }
}
