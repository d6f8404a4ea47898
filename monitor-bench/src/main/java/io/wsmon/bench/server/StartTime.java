package io.wsmon.bench.server;

import io.wsmon.bench.proc.ProcStat;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the real server as an operator would and times it to the first {@code monitoring_data} a
 * WebSocket client receives: {@code java -jar monitoring-websocket-server.jar} and the launcher
 * {@code bin/monitoring-websocket-server}, each as a child process on a free loopback port, a JDK
 * {@code java.net.http.WebSocket} client connecting as soon as the port accepts. Prints every run, with
 * the CPU time the server had used by then, and the medians. Run from the repository root after
 * {@code mvn -B -q package -DskipTests}:
 *
 * <pre>
 * java -cp monitor-bench/target/benchmarks.jar io.wsmon.bench.server.StartTime --runs 5
 * </pre>
 *
 * <p>Options: {@code --runs N} (5), {@code --targets jar,launcher} (also {@code jar:PATH}, another build
 * of the jar, to compare two builds in one run), {@code --jar PATH}
 * ({@code monitor-examples/target/monitoring-websocket-server.jar}), {@code --launcher PATH}
 * ({@code bin/monitoring-websocket-server}), {@code --jvm "OPTIONS"} (JVM options for the jar target),
 * {@code --server-args "ARGS"} (more server flags for both), {@code --timeout S} (30). Before the timed
 * runs each target starts once untimed: that fills the page cache, and the launcher's first start makes
 * its class-data archive in a cache directory of this benchmark's own, which is awaited. Timed runs
 * alternate between the targets, so both meet the same noise.
 */
public final class StartTime {

    private StartTime() {}

    /**
     * @param args see the class description
     * @throws Exception when a start fails
     */
    public static void main(String[] args) throws Exception {
        Arguments options = new Arguments(args, Map.of("--runs", "5", "--targets", "jar,launcher",
                "--jar", "monitor-examples/target/monitoring-websocket-server.jar",
                "--launcher", "bin/monitoring-websocket-server", "--timeout", "30", "--jvm", "", "--server-args", ""));
        int runs = (int) options.number("--runs", 1);
        long timeout = TimeUnit.SECONDS.toNanos((long) options.number("--timeout", 1));
        List<String> serverArgs = options.words("--server-args");
        Path cache = Files.createTempDirectory("wsmon-start-cache");
        List<ServerLaunch> launches = new ArrayList<>();
        for (String target : options.list("--targets")) {
            launches.add(ServerLaunch.of(target, Path.of(options.text("--jar")), Path.of(options.text("--launcher")),
                    options.words("--jvm"), cache));
        }
        FirstData client = new FirstData();
        System.out.printf(Locale.ROOT, "runs=%d java=%s cores=%d cache=%s%n", runs,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), cache);
        for (ServerLaunch launch : launches) {
            System.out.printf(Locale.ROOT, "%s: %s%n", launch.target(), String.join(" ", launch.command()));
            System.out.printf(Locale.ROOT, "  %-9s first start, untimed: %s%n", launch.target(),
                    start(launch, serverArgs, client, timeout));
            launch.awaitArchive();
        }
        Map<String, long[]> wall = new LinkedHashMap<>();
        Map<String, long[]> cpu = new LinkedHashMap<>();
        for (ServerLaunch launch : launches) {
            wall.put(launch.target(), new long[runs]);
            cpu.put(launch.target(), new long[runs]);
        }
        for (int run = 0; run < runs; run++) {
            for (ServerLaunch launch : launches) {
                Run result = start(launch, serverArgs, client, timeout);
                wall.get(launch.target())[run] = result.wallNanos();
                cpu.get(launch.target())[run] = result.cpuNanos();
                System.out.printf(Locale.ROOT, "  %-9s run %d: %s%n", launch.target(), run + 1, result);
            }
        }
        System.out.println();
        for (Map.Entry<String, long[]> target : wall.entrySet()) {
            long[] times = target.getValue();
            long[] cpus = cpu.get(target.getKey());
            Arrays.sort(times);
            Arrays.sort(cpus);
            System.out.printf(Locale.ROOT, "%-9s median %6.0f ms  (min %.0f, max %.0f, %d runs); "
                    + "server CPU until then: median %.0f ms%n", target.getKey(), millis(times[runs / 2]),
                    millis(times[0]), millis(times[runs - 1]), runs, millis(cpus[runs / 2]));
        }
    }

    /**
     * One start.
     *
     * @param wallNanos from starting the process to the first {@code monitoring_data}
     * @param cpuNanos the CPU time the server process had used by then, user and system
     */
    record Run(long wallNanos, long cpuNanos) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%6.0f ms (server CPU %4.0f ms)", millis(wallNanos), millis(cpuNanos));
        }
    }

    /** Starts the server, waits for its first {@code monitoring_data}, stops it. */
    private static Run start(ServerLaunch launch, List<String> serverArgs, FirstData client, long timeoutNanos)
            throws IOException, InterruptedException {
        int port = ServerLaunch.freePort();
        long started = System.nanoTime();
        Process process = launch.start(port, serverArgs);
        try {
            long arrived = client.await(URI.create("ws://127.0.0.1:" + port + "/"), process::isAlive, timeoutNanos);
            return new Run(arrived - started, ProcStat.cpuNanos(process.pid()));
        } finally {
            ServerLaunch.stop(process);
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
