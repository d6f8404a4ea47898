package io.wsmon.metrics.snapshot;

import static io.wsmon.metrics.MetricUnit.NONE;

import io.wsmon.metrics.Figure;
import io.wsmon.metrics.LabelKey;
import java.util.Map;

/**
 * The {@code processes} section: processes by state, and threads. The lists of top processes are not
 * exported: a series per process would churn with every process that comes and goes, and the WebSocket
 * stream carries them. Its {@code running} (processes whose main thread is running) is not node_exporter's
 * {@code node_procs_running} (threads the scheduler counts as runnable), which the {@code processor} section
 * carries.
 */
final class ProcessesMapping implements SectionMapping {

    static final Figure BY_STATE = Figure.gauge("wsmon_processes", "system.process.count", NONE,
            "Processes in each state (state=\"total\" for all)");
    static final Figure THREADS = Figure.gauge("wsmon_processes_threads", "wsmon.processes.threads", NONE,
            "Threads of all processes");

    private static final LabelKey STATE = LabelKey.of("state", "process.state");

    @Override
    public void map(String name, Object wire, Families out) {
        WireNode.of(wire).ifPresent(p -> {
            for (Map.Entry<String, Object> field : p.fields().entrySet()) {
                if (!field.getKey().equals("threads")) {
                    out.add(BY_STATE, WireNode.asNumber(field.getValue()), STATE.is(field.getKey()));
                }
            }
            out.add(THREADS, p.number("threads"));
        });
    }
}
