package io.wsmon.core.collect.linux;

import io.wsmon.api.CpuTimesSeconds;
import io.wsmon.api.MemoryInfo;
import io.wsmon.api.PressureAverages;
import io.wsmon.api.PressureStall;
import io.wsmon.api.SwapInfo;
import io.wsmon.core.collect.CpuModeTicks;
import io.wsmon.core.collect.CpuTicks;
import io.wsmon.core.collect.CpuTime;
import io.wsmon.core.collect.InterfaceCounters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/** Parsers of the {@code /proc} formats, apart from the reading so they are tested on fixed text. */
final class ProcParsers {

    /** Clock ticks per second of {@code /proc} times: {@code USER_HZ}, 100 on every mainstream architecture. */
    static final long CLOCK_TICKS_PER_SECOND = 100;

    private static final int CPU_FIELDS = 8;
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;

    private ProcParsers() {}

    /**
     * {@code /proc/stat}: the {@code cpu} line and the {@code cpuN} lines. Idle is {@code idle + iowait};
     * total is the sum of the first eight fields (guest time is already counted in user time). Each
     * {@code cpuN} line's modes, in seconds, are of processor N (offline processors have no line). The
     * {@code procs_running} and {@code procs_blocked} lines further down are the scheduler's counts of
     * runnable and blocked threads (node_exporter's {@code node_procs_running} and {@code node_procs_blocked}).
     */
    static CpuTicks cpuTicks(ProcText stat) {
        CpuTime all = null;
        CpuModeTicks modes = null;
        List<CpuTime> cores = new ArrayList<>();
        List<CpuTimesSeconds> coreSeconds = new ArrayList<>();
        long[] fields = new long[CPU_FIELDS];
        while (stat.startsWith("cpu")) {
            boolean aggregate = stat.startsWith("cpu ");
            stat.skipPast('u');
            int number = aggregate ? -1 : (int) stat.nextLong();
            long total = 0;
            long idle = 0;
            Arrays.fill(fields, 0);
            for (int field = 0; field < CPU_FIELDS && stat.hasNumberOnLine(); field++) {
                long value = stat.nextLong();
                fields[field] = value;
                total += value;
                if (field == IDLE || field == IOWAIT) {
                    idle += value;
                }
            }
            CpuModeTicks lineModes = new CpuModeTicks(fields[0], fields[1], fields[2], fields[3], fields[4],
                    fields[5], fields[6], fields[7]);
            if (aggregate) {
                all = new CpuTime(idle, total);
                modes = lineModes;
            } else {
                cores.add(new CpuTime(idle, total));
                coreSeconds.add(lineModes.seconds(number, CLOCK_TICKS_PER_SECOND));
            }
            stat.nextLine();
        }
        if (all == null) {
            throw new IllegalArgumentException("no 'cpu' line in /proc/stat");
        }
        Integer running = null;
        Integer blocked = null;
        while (!stat.atEnd() && blocked == null) {
            if (stat.startsWith("procs_running ")) {
                stat.skipPast(' ');
                running = (int) stat.nextLong();
            } else if (stat.startsWith("procs_blocked ")) {
                stat.skipPast(' ');
                blocked = (int) stat.nextLong();
            }
            stat.nextLine();
        }
        return new CpuTicks(all, cores, modes, coreSeconds, running, blocked);
    }

    /** {@code /proc/meminfo}: MemTotal, MemAvailable, SwapTotal, SwapFree, in kB. */
    static MemoryInfo memory(ProcText meminfo) {
        long total = -1;
        long available = -1;
        long free = 0;
        long buffers = 0;
        long cached = 0;
        long swapTotal = 0;
        long swapFree = 0;
        while (!meminfo.atEnd()) {
            if (meminfo.startsWith("MemTotal:")) {
                total = kib(meminfo);
            } else if (meminfo.startsWith("MemAvailable:")) {
                available = kib(meminfo);
            } else if (meminfo.startsWith("MemFree:")) {
                free = kib(meminfo);
            } else if (meminfo.startsWith("Buffers:")) {
                buffers = kib(meminfo);
            } else if (meminfo.startsWith("Cached:")) {
                cached = kib(meminfo);
            } else if (meminfo.startsWith("SwapTotal:")) {
                swapTotal = kib(meminfo);
            } else if (meminfo.startsWith("SwapFree:")) {
                swapFree = kib(meminfo);
            }
            meminfo.nextLine();
        }
        if (total < 0) {
            throw new IllegalArgumentException("no MemTotal in /proc/meminfo");
        }
        if (available < 0) { // kernels before 3.14
            available = free + buffers + cached;
        }
        long used = total - available;
        long swapUsed = swapTotal - swapFree;
        return new MemoryInfo(total, available, used, percent(used, total),
                new SwapInfo(swapTotal, swapUsed, swapFree, percent(swapUsed, swapTotal)));
    }

    /** The number after the colon of this line, in kB, as bytes. */
    private static long kib(ProcText line) {
        line.skipPast(':');
        return line.nextLong() * 1024;
    }

    private static double percent(long part, long whole) {
        return whole <= 0 ? 0.0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    /** {@code /proc/loadavg}: the first three fields. */
    static List<Double> loadAverage(ProcText loadavg) {
        return List.of(loadavg.nextDecimal(), loadavg.nextDecimal(), loadavg.nextDecimal());
    }

    /** {@code /proc/cpuinfo}: the mean of the {@code cpu MHz} lines, if any. */
    static OptionalDouble currentFrequencyMhz(ProcText cpuinfo) {
        double sum = 0;
        int count = 0;
        while (!cpuinfo.atEnd()) {
            if (cpuinfo.startsWith("cpu MHz") && cpuinfo.skipPast(':')) {
                sum += cpuinfo.nextDecimal();
                count++;
            }
            cpuinfo.nextLine();
        }
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.round(sum / count * 10.0) / 10.0);
    }

    /** {@code /proc/net/dev}: received bytes (first field) and sent bytes (ninth), loopback left out. */
    static List<InterfaceCounters> networkCounters(ProcText netdev) {
        List<InterfaceCounters> counters = new ArrayList<>();
        netdev.nextLine(); // two header lines
        netdev.nextLine();
        while (!netdev.atEnd()) {
            String name = netdev.nextWord(':');
            long received = netdev.nextLong();
            for (int field = 1; field < 8; field++) {
                netdev.nextLong();
            }
            long sent = netdev.nextLong();
            if (!name.equals("lo")) {
                counters.add(new InterfaceCounters(name, sent, received));
            }
            netdev.nextLine();
        }
        return counters;
    }

    /** {@code /proc/self/status}: the VmRSS line, in kB; -1 when absent (kernel threads). */
    static long residentBytes(ProcText status) {
        while (!status.atEnd()) {
            if (status.startsWith("VmRSS:")) {
                return kib(status);
            }
            status.nextLine();
        }
        return -1;
    }

    /** {@code /proc/uptime}: seconds since boot, the first field. */
    static double uptimeSeconds(ProcText uptime) {
        return uptime.nextDecimal();
    }

    /**
     * {@code /proc/PID/stat}: name, state, processor ticks, threads, start time and resident pages.
     *
     * @return false when the text is not a process's stat line (for example empty: the process ended)
     */
    static boolean processStat(ProcText stat, ProcessStat out) {
        if (!stat.hasNumberOnLine()) {
            return false;
        }
        out.pid = (int) stat.nextLong();
        out.name = stat.nameInParentheses();
        if (out.name == null) {
            return false;
        }
        out.state = stat.nextChar();
        stat.skipFields(10); // ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt
        long utime = stat.nextLong();
        long stime = stat.nextLong();
        out.ticks = utime + stime;
        stat.skipFields(4); // cutime cstime priority nice (the last two may be negative)
        out.threads = (int) stat.nextLong();
        stat.skipFields(1); // itrealvalue
        out.startTicks = stat.nextLong();
        stat.skipFields(1); // vsize
        out.rssPages = stat.nextLong();
        return true;
    }

    /** {@code /proc/PID/status}: the real user id from the {@code Uid:} line; -1 when absent. */
    static long realUid(ProcText status) {
        while (!status.atEnd()) {
            if (status.startsWith("Uid:")) {
                status.skipPast(':');
                return status.nextLong();
            }
            status.nextLine();
        }
        return -1;
    }

    /** {@code /proc/self/smaps}: the first {@code KernelPageSize}, in bytes; -1 when absent. */
    static long kernelPageSize(ProcText smaps) {
        while (!smaps.atEnd()) {
            if (smaps.startsWith("KernelPageSize:")) {
                return kib(smaps);
            }
            smaps.nextLine();
        }
        return -1;
    }

    /** {@code /proc/diskstats}: every line, partitions and virtual devices included. */
    static List<DiskCounters> diskCounters(ProcText diskstats) {
        List<DiskCounters> counters = new ArrayList<>();
        while (!diskstats.atEnd()) {
            if (diskstats.hasNumberOnLine()) {
                diskstats.nextLong(); // major
                diskstats.nextLong(); // minor
                String name = diskstats.nextWord(' ');
                long reads = diskstats.nextLong();
                diskstats.nextLong(); // reads merged
                long sectorsRead = diskstats.nextLong();
                diskstats.nextLong(); // ms reading
                long writes = diskstats.nextLong();
                diskstats.nextLong(); // writes merged
                long sectorsWritten = diskstats.nextLong();
                diskstats.nextLong(); // ms writing
                diskstats.nextLong(); // I/O in flight
                long ioMillis = diskstats.nextLong();
                counters.add(new DiskCounters(name, reads, sectorsRead, writes, sectorsWritten, ioMillis));
            }
            diskstats.nextLine();
        }
        return counters;
    }

    /**
     * A pressure file ({@code /proc/pressure/*} or a cgroup's {@code *.pressure}): the {@code some} and
     * {@code full} lines; {@code full} is {@code null} when absent or when {@code withFull} is false.
     */
    static PressureStall pressure(ProcText text, boolean withFull) {
        PressureAverages some = null;
        PressureAverages full = null;
        while (!text.atEnd()) {
            boolean isSome = text.startsWith("some ");
            if (isSome || text.startsWith("full ")) {
                text.skipPast('=');
                double avg10 = text.nextDecimal();
                text.skipPast('=');
                double avg60 = text.nextDecimal();
                text.skipPast('=');
                double avg300 = text.nextDecimal();
                text.skipPast('=');
                PressureAverages averages = new PressureAverages(avg10, avg60, avg300, text.nextLong() / 1e6);
                if (isSome) {
                    some = averages;
                } else {
                    full = averages;
                }
            }
            text.nextLine();
        }
        if (some == null) {
            throw new IllegalArgumentException("no 'some' line in a pressure file");
        }
        return new PressureStall(some, withFull ? full : null);
    }

    /**
     * A file of {@code key value} lines ({@code memory.stat}, {@code cpu.stat}): the values of the keys
     * asked for, -1 for a key that is absent.
     */
    static long[] keyValues(ProcText text, String... keys) {
        long[] values = new long[keys.length];
        Arrays.fill(values, -1);
        while (!text.atEnd()) {
            for (int i = 0; i < keys.length; i++) {
                if (text.startsWith(keys[i]) && text.skipPast(' ') && text.hasNumberOnLine()) {
                    values[i] = text.nextLong();
                    break;
                }
            }
            text.nextLine();
        }
        return values;
    }

    /**
     * A cgroup limit or a counter alone in its file: a number, or -1 for {@code max} (v2) or a negative
     * number (v1's {@code -1}).
     */
    static long limit(ProcText text) {
        if (text.startsWith("max") || text.startsWith("-")) {
            return -1;
        }
        return text.nextLong();
    }

    /**
     * {@code /proc/net/tcp} or {@code tcp6}: how many entries are not listening and have one of the
     * inodes given. A line reads {@code sl local remote st tx:rx tr:when retransmits uid timeout inode ...}.
     *
     * @param table the file, header line first
     * @param sortedInodes the inodes that count, sorted in their first {@code count} elements
     * @param count how many of {@code sortedInodes} are used
     */
    static int tcpConnections(ProcText table, long[] sortedInodes, int count) {
        int connections = 0;
        table.nextLine();
        while (!table.atEnd()) {
            table.skipFields(3); // sl local_address rem_address
            char high = table.nextChar();
            char low = table.nextChar();
            boolean listening = high == '0' && low == 'A'; // state 0A: TCP_LISTEN
            table.skipFields(5); // tx_queue:rx_queue tr:tm->when retrnsmt uid timeout
            if (!listening && table.hasNumberOnLine()
                    && Arrays.binarySearch(sortedInodes, 0, count, table.nextLong()) >= 0) {
                connections++;
            }
            table.nextLine();
        }
        return connections;
    }
}
