package io.wsmon.core.collect.linux;

/**
 * One line of {@code /proc/diskstats}: cumulative counters of one block device since boot.
 *
 * @param name the device name
 * @param reads reads completed
 * @param sectorsRead sectors read (512 bytes each)
 * @param writes writes completed
 * @param sectorsWritten sectors written (512 bytes each)
 * @param ioMillis milliseconds with I/O in flight
 */
record DiskCounters(String name, long reads, long sectorsRead, long writes, long sectorsWritten, long ioMillis) {}
