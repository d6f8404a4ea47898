package io.wsmon.bench.start;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the real server as an operator would and times it to the first {@code monitoring_data} a
 * WebSocket client receives: {@code java -jar monitoring-websocket-server.jar} and the launcher
 * {@code bin/monitoring-websocket-server}, each as a child process on a free loopback port, a JDK
 * {@code java.net.http.WebSocket} client connecting as soon as the port accepts. Prints every run and the
 * median. Run from the repository root after {@code mvn -B -q package -DskipTests}:
 *
 * <pre>
 * java -cp monitor-bench/target/benchmarks.jar io.wsmon.bench.start.StartTime --runs 5
 * </pre>
 *
 * <p>Options: {@code --runs N} (5), {@code --targets jar,launcher}, {@code --jar PATH}
 * ({@code monitor-examples/target/monitoring-websocket-server.jar}), {@code --launcher PATH}
 * ({@code bin/monitoring-websocket-server}), {@code --jvm "OPTIONS"} (JVM options for the jar target),
 * {@code --server-args "ARGS"} (more server flags for both), {@code --timeout S} (30). Runs alternate
 * between the targets, so both meet the same noise. Before the timed runs each target
 * runs once untimed: it fills the page cache and lets the launcher create its class-data archive, in a
 * fresh cache directory ({@code XDG_CACHE_HOME}) of this benchmark's own, so that run's time is printed as
 * the launcher's first start.
 */
public final class StartTime {

    private StartTime() {}

    /** The options of one benchmark. */
    record Options(int runs, List<String> targets, Path jar, Path launcher, List<String> jvm, List<String> serverArgs,
            long timeoutNanos) {}

    /**
     * @param args see the class description
     * @throws Exception when a start fails
     */
    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        Path cache = Files.createTempDirectory("wsmon-start-cache");
        FirstData client = new FirstData();
        System.out.printf(Locale.ROOT, "runs=%d java=%s cores=%d cache=%s%n", options.runs(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), cache);
        Map<String, List<String>> commands = new LinkedHashMap<>();
        for (String target : options.targets()) {
            commands.put(target, command(target, options));
            System.out.printf(Locale.ROOT, "%s: %s%n", target, String.join(" ", commands.get(target)));
        }
        for (Map.Entry<String, List<String>> target : commands.entrySet()) {
            System.out.printf(Locale.ROOT, "  %-9s first start, untimed warm-up: %s%n", target.getKey(),
                    start(target.getValue(), cache, client, options));
        }
        if (commands.containsKey("launcher")) {
            awaitArchive(cache.resolve("wsmon").resolve("cds"));
        }
        Map<String, long[]> wall = new LinkedHashMap<>();
        Map<String, long[]> cpu = new LinkedHashMap<>();
        commands.keySet().forEach(target -> {
            wall.put(target, new long[options.runs()]);
            cpu.put(target, new long[options.runs()]);
        });
        for (int run = 0; run < options.runs(); run++) {
            for (Map.Entry<String, List<String>> target : commands.entrySet()) {
                Run result = start(target.getValue(), cache, client, options);
                wall.get(target.getKey())[run] = result.wallNanos();
                cpu.get(target.getKey())[run] = result.cpuNanos();
                System.out.printf(Locale.ROOT, "  %-9s run %d: %s%n", target.getKey(), run + 1, result);
            }
        }
        List<String> summary = new ArrayList<>();
        wall.forEach((target, runs) -> {
            long[] cpus = cpu.get(target);
            Arrays.sort(runs);
            Arrays.sort(cpus);
            summary.add(String.format(Locale.ROOT, "%-9s median %6.0f ms  (min %.0f, max %.0f, %d runs); "
                    + "server CPU until then: median %.0f ms", target, millis(runs[runs.length / 2]), millis(runs[0]),
                    millis(runs[runs.length - 1]), runs.length, millis(cpus[cpus.length / 2])));
        });
        System.out.println();
        summary.forEach(System.out::println);
    }

    private static List<String> command(String target, Options options) {
        return switch (target) {
            case "jar" -> {
                List<String> command = new ArrayList<>();
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(options.jvm());
                command.addAll(List.of("-jar", options.jar().toString()));
                yield command;
            }
            case "launcher" -> List.of(options.launcher().toString());
            default -> throw new IllegalArgumentException("--targets: jar or launcher, got " + target);
        };
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
    private static Run start(List<String> command, Path cache, FirstData client, Options options)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port), "--display", "none"));
        full.addAll(options.serverArgs());
        ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("WSMON_"));
        environment.put("XDG_CACHE_HOME", cache.toString());
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + environment.getOrDefault("PATH", ""));
        environment.remove("JAVA_OPTS");
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            long arrived = client.await(URI.create("ws://127.0.0.1:" + port + "/"), process::isAlive,
                    options.timeoutNanos());
            return new Run(arrived - started, cpuNanos(process.pid()));
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** @return the CPU time of a process, user and system, from {@code /proc/<pid>/stat} (clock ticks of 10 ms) */
    static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }

    /** Waits until the launcher's background run has moved its class-data archive in place. */
    private static void awaitArchive(Path directory) throws IOException, InterruptedException {
        long began = System.nanoTime();
        long deadline = began + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(directory)) {
                try (var files = Files.list(directory)) {
                    List<String> names = files.map(p -> p.getFileName().toString()).toList();
                    if (names.stream().anyMatch(n -> n.endsWith(".jsa")) && names.stream().noneMatch(n -> n.endsWith(".lock"))) {
                        System.out.printf(Locale.ROOT, "  launcher's class-data archive ready %.1f s after its first start%n",
                                (System.nanoTime() - began) / 1e9);
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        System.out.println("  the launcher made no class-data archive within 2 minutes; timing it without");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>(Map.of("--runs", "5", "--targets", "jar,launcher",
                "--jar", "monitor-examples/target/monitoring-websocket-server.jar",
                "--launcher", "bin/monitoring-websocket-server", "--timeout", "30", "--jvm", "", "--server-args", ""));
        for (int i = 0; i < args.length; i += 2) {
            if (!values.containsKey(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]
                        + "; options: " + values.keySet());
            }
            values.put(args[i], args[i + 1]);
        }
        int runs = Integer.parseInt(values.get("--runs"));
        if (runs < 1) {
            throw new IllegalArgumentException("--runs: at least 1, got " + runs);
        }
        Path jar = Path.of(values.get("--jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--jar: no such file, got " + jar
                    + " (build it with mvn -B -q package -DskipTests)");
        }
        return new Options(runs, List.of(values.get("--targets").split(",")), jar, Path.of(values.get("--launcher")),
                words(values.get("--jvm")), words(values.get("--server-args")),
                TimeUnit.SECONDS.toNanos(Long.parseLong(values.get("--timeout"))));
    }

    private static List<String> words(String value) {
        return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }
}
