package io.wsmon.core.collect.linux;

import io.wsmon.api.Monitor;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.api.ProcessInfo;
import io.wsmon.api.ProcessesInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.core.collect.CollectSettings;
import io.wsmon.core.collect.InlineMonitor;
import io.wsmon.core.collect.ScanCadence;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code processes} section from {@code /proc}: counts by state, and the top processes by processor
 * time and by resident memory. A scan reads one {@code /proc/PID/stat} per process, and
 * {@code /proc/PID/status} only for the processes listed, so it runs every {@code processes.interval}
 * (5 s by default: a scan costs ~20-25 µs of CPU per process, measured with {@code ProcessScanCost}) rather
 * than every tick; between scans the section repeats the last scan. Processor use
 * is measured between two scans (over the process's lifetime at the first). A process that ends while it
 * is read is left out.
 */
public final class ProcessesMonitor implements Monitor<ProcessesInfo>, InlineMonitor {

    private static final double CLOCK_TICKS = ProcParsers.CLOCK_TICKS_PER_SECOND;
    private static final long DEFAULT_PAGE_SIZE = 4096;

    private final Path proc;
    private final ProcFile uptime;
    private final ProcReader reader = new ProcReader();
    private final UserNames users;
    private final ProcessStat stat = new ProcessStat();
    private int top = CollectSettings.DEFAULT_PROCESSES_TOP;
    private ScanCadence cadence = new ScanCadence(CollectSettings.DEFAULT_PROCESSES_INTERVAL);
    private long pageSize = DEFAULT_PAGE_SIZE;
    private long memoryTotal;
    private Map<Integer, Sample> previous = Map.of();
    private ProcessesInfo last;

    /** Reads the real {@code /proc} and {@code /etc/passwd}. */
    public ProcessesMonitor() {
        this(LinuxPaths.PROC, LinuxPaths.PASSWD);
    }

    ProcessesMonitor(Path proc, Path passwd) {
        this.proc = proc;
        this.uptime = new ProcFile(proc.resolve("uptime"));
        this.users = new UserNames(passwd);
    }

    @Override
    public String name() {
        return Snapshot.PROCESSES;
    }

    @Override
    public boolean runsInline() {
        return true;
    }

    @Override
    public void start(MonitorContext context) throws MonitorUnavailableException {
        top = CollectSettings.processesTop(context.settings());
        cadence = new ScanCadence(CollectSettings.processesIntervalSeconds(context.settings()));
        try {
            memoryTotal = ProcParsers.memory(reader.read(proc.resolve("meminfo"))).total();
            ProcParsers.uptimeSeconds(uptime.read());
        } catch (IOException | RuntimeException e) {
            throw new MonitorUnavailableException("cannot read " + proc + ": " + e.getMessage());
        }
        try {
            long size = ProcParsers.kernelPageSize(reader.readStart(proc.resolve("self/smaps")));
            pageSize = size > 0 ? size : DEFAULT_PAGE_SIZE;
        } catch (IOException e) {
            pageSize = DEFAULT_PAGE_SIZE;
        }
    }

    @Override
    public ProcessesInfo collect() throws IOException {
        double now = ProcParsers.uptimeSeconds(uptime.read());
        if (last != null && !cadence.isDue(now)) {
            return last;
        }
        last = scan(now);
        cadence.scanned(now);
        return last;
    }

    private ProcessesInfo scan(double now) throws IOException {
        double elapsed = cadence.sinceLastScan(now);
        Map<Integer, Sample> current = new HashMap<>(Math.max(16, previous.size() * 2));
        List<Sample> samples = new ArrayList<>(Math.max(16, previous.size()));
        int running = 0;
        int sleeping = 0;
        int diskSleep = 0;
        int idle = 0;
        int stopped = 0;
        int zombie = 0;
        int threads = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc)) {
            for (Path entry : entries) {
                String dir = entry.getFileName().toString();
                if (dir.isEmpty() || !Character.isDigit(dir.charAt(0)) || !readStat(entry)) {
                    continue;
                }
                switch (stat.state) {
                    case 'R' -> running++;
                    case 'S' -> sleeping++;
                    case 'D' -> diskSleep++;
                    case 'I' -> idle++;
                    case 'T', 't' -> stopped++;
                    case 'Z' -> zombie++;
                    default -> { }
                }
                threads += stat.threads;
                Sample before = previous.get(stat.pid);
                boolean same = before != null && before.startTicks == stat.startTicks;
                Sample sample = new Sample(stat.pid, stat.name, stat.startTicks, stat.ticks,
                        cpuPercent(same ? before : null, elapsed, now), stat.rssPages * pageSize, stat.threads,
                        same ? before.user : null);
                current.put(stat.pid, sample);
                samples.add(sample);
            }
        }
        previous = current;
        List<ProcessInfo> topCpu = top(samples, Comparator.comparingDouble((Sample s) -> s.cpuPercent).reversed(), now);
        List<ProcessInfo> topMemory = top(samples, Comparator.comparingLong((Sample s) -> s.rss).reversed(), now);
        return new ProcessesInfo(samples.size(), running, sleeping, diskSleep, idle, stopped, zombie, threads,
                topCpu, topMemory);
    }

    /** Reads one process's stat into {@link #stat}; false when it ended in the meantime. */
    private boolean readStat(Path dir) {
        try {
            return ProcParsers.processStat(reader.read(dir.resolve("stat")), stat);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Use between the previous scan and this one, else over the process's lifetime. */
    private double cpuPercent(Sample before, double elapsed, double now) {
        double seconds;
        long ticks;
        if (before != null && elapsed > 0) {
            seconds = elapsed;
            ticks = stat.ticks - before.ticks;
        } else {
            seconds = now - stat.startTicks / CLOCK_TICKS;
            ticks = stat.ticks;
        }
        if (seconds <= 0 || ticks <= 0) {
            return 0.0;
        }
        return Math.round(ticks / CLOCK_TICKS / seconds * 1000.0) / 10.0;
    }

    private List<ProcessInfo> top(List<Sample> samples, Comparator<Sample> order, double now) {
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort(order);
        List<ProcessInfo> listed = new ArrayList<>(Math.min(top, sorted.size()));
        for (Sample sample : sorted.subList(0, Math.min(top, sorted.size()))) {
            if (sample.user == null) {
                sample.user = userOf(sample.pid, now);
            }
            double memoryPercent = memoryTotal <= 0 ? 0.0 : Math.round(sample.rss * 1000.0 / memoryTotal) / 10.0;
            listed.add(new ProcessInfo(sample.pid, sample.name, sample.user, sample.cpuPercent, sample.rss,
                    memoryPercent, sample.threads));
        }
        return listed;
    }

    private String userOf(int pid, double now) {
        try {
            long uid = ProcParsers.realUid(reader.read(proc.resolve(Integer.toString(pid)).resolve("status")));
            return uid < 0 ? null : users.nameOf(uid, now);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** One process as one scan saw it. */
    private static final class Sample {
        final int pid;
        final String name;
        final long startTicks;
        final long ticks;
        final double cpuPercent;
        final long rss;
        final int threads;
        String user;

        Sample(int pid, String name, long startTicks, long ticks, double cpuPercent, long rss, int threads,
                String user) {
            this.pid = pid;
            this.name = name;
            this.startTicks = startTicks;
            this.ticks = ticks;
            this.cpuPercent = cpuPercent;
            this.rss = rss;
            this.threads = threads;
            this.user = user;
        }
    }
}
