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

    private ProcParsers() {}

    /**
     * {@code /proc/stat}: the {@code cpu} line and the {@code cpuN} lines. Idle is {@code idle + iowait};
     * total is the sum of the first eight fields (guest time is already counted in user time).
     */
    static CpuTicks cpuTicks(String stat) {
        CpuTime all = null;
        List<CpuTime> cores = new ArrayList<>();
        for (String line : stat.split("\n")) {
            if (!line.startsWith("cpu")) {
                break;
            }
            String[] fields = line.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
            CpuTime time = new CpuTime(idle, total);
            if (fields[0].equals("cpu")) {
                all = time;
            } else {
                cores.add(time);
            }
        }
        if (all == null) {
            throw new IllegalArgumentException("no 'cpu' line in /proc/stat");
        }
        return new CpuTicks(all, cores);
    }

    /** {@code /proc/meminfo}: MemTotal, MemAvailable, SwapTotal, SwapFree, in kB. */
    static MemoryInfo memory(String meminfo) {
        long total = -1;
        long available = -1;
        long free = 0;
        long buffers = 0;
        long cached = 0;
        long swapTotal = 0;
        long swapFree = 0;
        for (String line : meminfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon);
            switch (key) {
                case "MemTotal" -> total = kib(line, colon);
                case "MemAvailable" -> available = kib(line, colon);
                case "MemFree" -> free = kib(line, colon);
                case "Buffers" -> buffers = kib(line, colon);
                case "Cached" -> cached = kib(line, colon);
                case "SwapTotal" -> swapTotal = kib(line, colon);
                case "SwapFree" -> swapFree = kib(line, colon);
                default -> { }
            }
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

    private static long kib(String line, int colon) {
        String value = line.substring(colon + 1).trim();
        int space = value.indexOf(' ');
        long number = Long.parseLong(space < 0 ? value : value.substring(0, space));
        return space < 0 ? number : number * 1024;
    }

    private static double percent(long part, long whole) {
        return whole <= 0 ? 0.0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    /** {@code /proc/loadavg}: the first three fields. */
    static List<Double> loadAverage(String loadavg) {
        String[] fields = loadavg.trim().split("\\s+");
        return List.of(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
    }

    /** {@code /proc/cpuinfo}: the mean of the {@code cpu MHz} lines, if any. */
    static OptionalDouble currentFrequencyMhz(String cpuinfo) {
        double sum = 0;
        int count = 0;
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("cpu MHz")) {
                sum += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
                count++;
            }
        }
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.round(sum / count * 10.0) / 10.0);
    }

    /** {@code /proc/net/dev}: received bytes (first field) and sent bytes (ninth), loopback left out. */
    static List<InterfaceCounters> networkCounters(String netdev) {
        List<InterfaceCounters> counters = new ArrayList<>();
        for (String line : netdev.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue; // the two header lines
            }
            String name = line.substring(0, colon).trim();
            if (name.equals("lo")) {
                continue;
            }
            String[] fields = line.substring(colon + 1).trim().split("\\s+");
            counters.add(new InterfaceCounters(name, Long.parseLong(fields[8]), Long.parseLong(fields[0])));
        }
        return counters;
    }

    /** {@code /proc/self/status}: the VmRSS line, in kB; -1 when absent (kernel threads). */
    static long residentBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return kib(line, line.indexOf(':'));
            }
        }
        return -1;
    }
}
