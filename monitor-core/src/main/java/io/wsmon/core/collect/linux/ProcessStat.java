package io.wsmon.core.collect.linux;

/** The fields of one {@code /proc/PID/stat} the process scan uses; reused from process to process. */
final class ProcessStat {
    int pid;
    String name;
    char state;
    /** User and system time, in clock ticks. */
    long ticks;
    int threads;
    /** When the process started, in clock ticks after boot: with the pid, it names one process. */
    long startTicks;
    long rssPages;
}
