package io.wsmon.metrics.snapshot;

import static io.wsmon.metrics.MetricUnit.CORES;
import static io.wsmon.metrics.MetricUnit.HERTZ;
import static io.wsmon.metrics.MetricUnit.NONE;
import static io.wsmon.metrics.MetricUnit.RATIO;
import static io.wsmon.metrics.MetricUnit.SECONDS;
import static io.wsmon.metrics.snapshot.SectionMapping.ratio;
import static io.wsmon.metrics.snapshot.SectionMapping.scaled;

import io.wsmon.metrics.Figure;
import io.wsmon.metrics.Label;
import io.wsmon.metrics.LabelKey;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The {@code processor} section: use in total, per logical processor and per mode, time per logical
 * processor and mode since boot, load averages, frequency, processor counts, and the scheduler's runnable
 * and blocked threads.
 */
final class ProcessorMapping implements SectionMapping {

    static final Figure USAGE = Figure.gauge("wsmon_cpu_usage_ratio", "system.cpu.utilization", RATIO,
            "Share of processor time in use over the last interval, all logical processors (cpu=\"all\") and each");
    static final Figure MODE = Figure.gauge("wsmon_cpu_mode_ratio", "system.cpu.utilization", RATIO,
            "Share of the time of all logical processors spent in each mode over the last interval");
    static final Figure TIME = Figure.counter("node_cpu_seconds_total", "system.cpu.time", SECONDS,
            "Time each logical processor spent in each mode since boot");
    static final Figure LOAD1 = Figure.gauge("node_load1", "system.cpu.load_average.1m", NONE, "1 minute load average");
    static final Figure LOAD5 = Figure.gauge("node_load5", "system.cpu.load_average.5m", NONE, "5 minute load average");
    static final Figure LOAD15 = Figure.gauge("node_load15", "system.cpu.load_average.15m", NONE,
            "15 minute load average");
    static final Figure FREQUENCY = Figure.gauge("node_cpu_scaling_frequency_hertz", "system.cpu.frequency", HERTZ,
            "Current processor frequency, the mean over logical processors (cpu=\"all\")");
    static final Figure FREQUENCY_MAX = Figure.gauge("wsmon_cpu_frequency_max_hertz", "wsmon.cpu.frequency.max",
            HERTZ, "Highest frequency of the processor");
    static final Figure PHYSICAL = Figure.gauge("wsmon_cpu_physical_cores", "system.cpu.physical.count", CORES,
            "Physical processor cores");
    static final Figure LOGICAL = Figure.gauge("wsmon_cpu_logical_cores", "system.cpu.logical.count", CORES,
            "Logical processors (hardware threads)");
    static final Figure PROCS_RUNNING = Figure.gauge("node_procs_running", "wsmon.cpu.threads.runnable", NONE,
            "Threads running or ready to run, as the kernel's scheduler counts them");
    static final Figure PROCS_BLOCKED = Figure.gauge("node_procs_blocked", "wsmon.cpu.threads.blocked", NONE,
            "Threads blocked waiting for I/O, as the kernel's scheduler counts them");

    private static final LabelKey ALL = LabelKey.prometheusOnly("cpu");
    private static final LabelKey CPU = LabelKey.of("cpu", "cpu.logical_number");
    private static final LabelKey MODE_KEY = LabelKey.of("mode", "cpu.mode");
    private static final double HERTZ_PER_MEGAHERTZ = 1e6;
    /** The modes of {@code times_seconds}, named as node_exporter and OpenTelemetry name them. */
    private static final List<String> MODES =
            List.of("user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal");

    @Override
    public void map(String name, Object wire, Families out) {
        WireNode.of(wire).ifPresent(p -> map(p, out));
    }

    private static void map(WireNode p, Families out) {
        out.add(USAGE, ratio(p.number("usage_percent")), ALL.is("all"));
        List<Double> perCore = p.numbers("per_core_usage");
        for (int i = 0; i < perCore.size(); i++) {
            out.add(USAGE, perCore.get(i) / 100.0, CPU.is(Integer.toString(i)));
        }
        p.child("times_percent").ifPresent(modes -> {
            for (Map.Entry<String, Object> mode : modes.fields().entrySet()) {
                out.add(MODE, ratio(WireNode.asNumber(mode.getValue())), MODE_KEY.is(mode.getKey()));
            }
        });
        for (WireNode core : p.children("times_seconds")) {
            OptionalDouble number = core.number("cpu");
            if (number.isPresent()) {
                Label cpu = CPU.is(Long.toString((long) number.getAsDouble()));
                for (String mode : MODES) {
                    out.add(TIME, core.number(mode), cpu, MODE_KEY.is(mode));
                }
            }
        }
        List<Double> load = p.numbers("load_average");
        List<Figure> loadFigures = List.of(LOAD1, LOAD5, LOAD15);
        for (int i = 0; i < Math.min(load.size(), loadFigures.size()); i++) {
            out.add(loadFigures.get(i), load.get(i));
        }
        out.add(FREQUENCY, scaled(p.number("frequency_current"), HERTZ_PER_MEGAHERTZ), ALL.is("all"));
        out.add(FREQUENCY_MAX, scaled(p.number("frequency_max"), HERTZ_PER_MEGAHERTZ));
        out.add(PHYSICAL, p.number("core_count"));
        out.add(LOGICAL, p.number("logical_count"));
        out.add(PROCS_RUNNING, p.number("procs_running"));
        out.add(PROCS_BLOCKED, p.number("procs_blocked"));
    }
}
