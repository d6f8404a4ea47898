package io.wsmon.core.collect;

import io.wsmon.api.Monitor;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.api.ProcessInfo;
import io.wsmon.api.ProcessesInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.core.time.Ticker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import oshi.software.os.OSProcess;

/**
 * The {@code processes} section through OSHI, for platforms without {@code /proc}: the same counts and top
 * lists as the Linux monitor. OSHI's process list is dear (~190 µs of CPU per process on Linux, 5 to 7
 * times reading {@code /proc} directly; measured with {@code ProcessScanCost}), so the table is scanned
 * every {@code processes.interval} like the Linux one, the ticks between repeating the last scan.
 * Processor use is measured between two scans from each process's user and kernel time (over its
 * lifetime at the first). OSHI knows no idle kernel threads, so {@code idle} stays 0; a
 * suspended process counts as stopped, and a process that ended while it was read is left out. OSHI may
 * query the system in ways that can take long, so this monitor runs on a thread of its own.
 */
public final class OshiProcessesMonitor implements Monitor<ProcessesInfo> {

    private final OshiHost host;
    private final Ticker ticker;
    private int top = CollectSettings.DEFAULT_PROCESSES_TOP;
    private ScanCadence cadence = new ScanCadence(CollectSettings.DEFAULT_PROCESSES_INTERVAL);
    private long memoryTotal;
    private Map<Integer, CpuSample> previous = Map.of();
    private ProcessesInfo last;

    /**
     * @param host the OSHI entry points
     */
    public OshiProcessesMonitor(OshiHost host) {
        this(host, Ticker.system());
    }

    OshiProcessesMonitor(OshiHost host, Ticker ticker) {
        this.host = host;
        this.ticker = ticker;
    }

    @Override
    public String name() {
        return Snapshot.PROCESSES;
    }

    @Override
    public void start(MonitorContext context) throws MonitorUnavailableException {
        top = CollectSettings.processesTop(context.settings());
        cadence = new ScanCadence(CollectSettings.processesIntervalSeconds(context.settings()));
        memoryTotal = host.hardware().getMemory().getTotal();
        if (host.os().getProcessCount() <= 0) {
            throw new MonitorUnavailableException("OSHI counts no process on this platform");
        }
    }

    @Override
    public ProcessesInfo collect() {
        double now = ticker.nanoTime() / 1e9;
        if (last != null && !cadence.isDue(now)) {
            return last;
        }
        last = scan(cadence.sinceLastScan(now));
        cadence.scanned(now);
        return last;
    }

    private ProcessesInfo scan(double elapsedSeconds) {
        List<OSProcess> processes = host.os().getProcesses();
        Map<Integer, CpuSample> current = new HashMap<>(Math.max(16, processes.size() * 2));
        List<Ranked> ranked = new ArrayList<>(processes.size());
        int running = 0;
        int sleeping = 0;
        int waiting = 0;
        int stopped = 0;
        int zombie = 0;
        int threads = 0;
        for (OSProcess process : processes) {
            OSProcess.State state = process.getState();
            switch (state) {
                case RUNNING -> running++;
                case SLEEPING -> sleeping++;
                case WAITING -> waiting++;
                case STOPPED, SUSPENDED -> stopped++;
                case ZOMBIE -> zombie++;
                case INVALID -> {
                    continue;
                }
                default -> { }
            }
            threads += process.getThreadCount();
            CpuSample sample = new CpuSample(process.getStartTime(), process.getUserTime() + process.getKernelTime());
            current.put(process.getProcessID(), sample);
            ranked.add(new Ranked(process, cpuPercent(previous.get(process.getProcessID()), sample, process,
                    elapsedSeconds)));
        }
        previous = current;
        return new ProcessesInfo(ranked.size(), running, sleeping, waiting, 0, stopped, zombie, threads,
                top(ranked, Comparator.comparingDouble(Ranked::cpuPercent)),
                top(ranked, Comparator.comparingLong(r -> r.process().getResidentMemory())));
    }

    /** Use between the previous scan and this one, else over the process's lifetime. */
    private static double cpuPercent(CpuSample before, CpuSample now, OSProcess process, double elapsedSeconds) {
        double millis;
        long cpuMillis;
        if (before != null && before.startTime() == now.startTime() && elapsedSeconds > 0) {
            millis = elapsedSeconds * 1000.0;
            cpuMillis = now.cpuMillis() - before.cpuMillis();
        } else {
            millis = process.getUpTime();
            cpuMillis = now.cpuMillis();
        }
        return millis <= 0 || cpuMillis <= 0 ? 0.0 : Rounding.oneDecimal(cpuMillis * 100.0 / millis);
    }

    private List<ProcessInfo> top(List<Ranked> ranked, Comparator<Ranked> ascending) {
        List<Ranked> sorted = new ArrayList<>(ranked);
        sorted.sort(ascending.reversed());
        List<ProcessInfo> listed = new ArrayList<>(Math.min(top, sorted.size()));
        for (Ranked r : sorted.subList(0, Math.min(top, sorted.size()))) {
            OSProcess p = r.process();
            String user = p.getUser();
            listed.add(new ProcessInfo(p.getProcessID(), p.getName(), user == null || user.isBlank() ? null : user,
                    r.cpuPercent(), p.getResidentMemory(), Rounding.percent(p.getResidentMemory(), memoryTotal),
                    p.getThreadCount()));
        }
        return listed;
    }

    /** What the next scan needs of a process: its start time names it, with the pid, across scans. */
    private record CpuSample(long startTime, long cpuMillis) {}

    /** One process of this scan with its processor use. */
    private record Ranked(OSProcess process, double cpuPercent) {}
}
