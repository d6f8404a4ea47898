package io.wsmon.core.collect.linux;

import io.wsmon.api.MemoryInfo;
import io.wsmon.api.SwapInfo;
import io.wsmon.core.collect.CpuTicks;
import io.wsmon.core.collect.CpuTime;
import io.wsmon.core.collect.InterfaceCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Parsers of the {@code /proc} formats, apart from the reading so they are tested on fixed text. */
final class ProcParsers {

    private static final int CPU_FIELDS = 8;
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;

    private ProcParsers() {}

    /**
     * {@code /proc/stat}: the {@code cpu} line and the {@code cpuN} lines. Idle is {@code idle + iowait};
     * total is the sum of the first eight fields (guest time is already counted in user time).
     */
    static CpuTicks cpuTicks(ProcText stat) {
        CpuTime all = null;
        List<CpuTime> cores = new ArrayList<>();
        while (stat.startsWith("cpu")) {
            boolean aggregate = stat.startsWith("cpu ");
            stat.skipPast(' ');
            long total = 0;
            long idle = 0;
            for (int field = 0; field < CPU_FIELDS && stat.hasNumberOnLine(); field++) {
                long value = stat.nextLong();
                total += value;
                if (field == IDLE || field == IOWAIT) {
                    idle += value;
                }
            }
            if (aggregate) {
                all = new CpuTime(idle, total);
            } else {
                cores.add(new CpuTime(idle, total));
            }
            stat.nextLine();
        }
        if (all == null) {
            throw new IllegalArgumentException("no 'cpu' line in /proc/stat");
        }
        return new CpuTicks(all, cores);
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
}
