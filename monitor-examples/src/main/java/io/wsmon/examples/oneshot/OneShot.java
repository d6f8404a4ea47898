package io.wsmon.examples.oneshot;

import io.wsmon.api.Snapshot;
import io.wsmon.core.SystemMonitors;

/**
 * Reads the sections named on the command line once (processor and memory when none is named) and
 * prints them: the seed's {@code create_system_monitor(enable_disk=False).collect()}. No service runs;
 * the rates are measured over a first interval of 200 ms.
 *
 * <pre>java -cp monitor-examples/target/monitoring-websocket-server.jar io.wsmon.examples.oneshot.OneShot processor memory</pre>
 *
 * <p>Exits 2, naming them, when a name is no monitor's.
 */
public final class OneShot {

    private OneShot() {}

    /**
     * @param args section names; {@code processor memory} when none
     */
    public static void main(String[] args) {
        String[] names = args.length == 0 ? new String[] {"processor", "memory"} : args;
        Snapshot snapshot;
        try (SystemMonitors monitors = SystemMonitors.builder().only(names).build()) {
            snapshot = monitors.collect();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        snapshot.processor().ifPresent(cpu -> System.out.println("CPU: " + cpu.usagePercent() + "%"));
        snapshot.memory().ifPresent(ram -> System.out.println("RAM: " + ram.percentage() + "%"));
        System.out.println(snapshot.jsonText());
    }
}
