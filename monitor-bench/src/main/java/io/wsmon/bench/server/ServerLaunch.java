package io.wsmon.bench.server;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How the benchmarks start the real server, as an operator would: {@code java -jar} on the server jar
 * ({@code jar}) or the launcher script ({@code launcher}), on a free loopback port, without display, with
 * the benchmark's JDK first on the {@code PATH}, none of the caller's {@code WSMON_} variables or
 * {@code JAVA_OPTS}, and a class-data cache ({@code XDG_CACHE_HOME}) of the benchmark's own.
 *
 * @param target {@code jar} or {@code launcher}
 * @param command the command without the server's flags
 * @param cache the {@code XDG_CACHE_HOME} of the child
 */
record ServerLaunch(String target, List<String> command, Path cache) {

    /**
     * @param target {@code jar}, {@code jar:PATH} (another build of the jar) or {@code launcher}
     * @param jar the server jar
     * @param launcher the launcher script
     * @param jvm JVM options for the {@code jar} target
     * @param cache the {@code XDG_CACHE_HOME} of the child
     * @return the launch
     * @throws IllegalArgumentException when the target is none of these, or its file is missing
     */
    static ServerLaunch of(String target, Path jar, Path launcher, List<String> jvm, Path cache) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--jar: no such file, got " + jar
                    + " (build it with mvn -B -q package -DskipTests)");
        }
        if (target.startsWith("jar:")) { // another build of the jar, to compare two builds in one run
            return jarLaunch(target, Path.of(target.substring("jar:".length())), jvm, cache);
        }
        return switch (target) {
            case "jar" -> jarLaunch(target, jar, jvm, cache);
            case "launcher" -> {
                if (!Files.isExecutable(launcher)) {
                    throw new IllegalArgumentException("--launcher: not an executable file, got " + launcher);
                }
                yield new ServerLaunch(target, List.of(launcher.toString()), cache);
            }
            default -> throw new IllegalArgumentException("targets: jar, jar:PATH or launcher, got " + target);
        };
    }

    private static ServerLaunch jarLaunch(String target, Path jar, List<String> jvm, Path cache) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("targets: no such jar, got " + target);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-jar", jar.toString()));
        return new ServerLaunch(target, List.copyOf(command), cache);
    }

    /**
     * Starts the server; its output is discarded.
     *
     * @param port the port, from {@link #freePort()}
     * @param serverArgs more flags
     * @return the process
     * @throws IOException when it cannot be started
     */
    Process start(int port, List<String> serverArgs) throws IOException {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port), "--display", "none"));
        full.addAll(serverArgs);
        ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("WSMON_") || name.equals("JAVA_OPTS"));
        environment.put("XDG_CACHE_HOME", cache.toString());
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + environment.getOrDefault("PATH", ""));
        return builder.start();
    }

    /**
     * For the launcher: waits up to two minutes until the background run of its first start has moved
     * the class-data archive in place, and says how long that took.
     *
     * @throws IOException when the cache cannot be listed
     * @throws InterruptedException when interrupted
     */
    void awaitArchive() throws IOException, InterruptedException {
        if (!target.equals("launcher")) {
            return;
        }
        Path directory = cache.resolve("wsmon").resolve("cds");
        long began = System.nanoTime();
        long deadline = began + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> files = Files.list(directory)) {
                    List<String> names = files.map(p -> p.getFileName().toString()).toList();
                    if (names.stream().anyMatch(n -> n.endsWith(".jsa"))
                            && names.stream().noneMatch(n -> n.endsWith(".lock"))) {
                        System.out.printf(Locale.ROOT, "  launcher's class-data archive ready after %.1f s%n",
                                (System.nanoTime() - began) / 1e9);
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        System.out.println("  the launcher made no class-data archive within 2 minutes; going on without");
    }

    /**
     * Stops a server: SIGTERM, then a kill after 30 s.
     *
     * @param process the server
     * @throws InterruptedException when interrupted while waiting
     */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /**
     * @return a loopback port that was free a moment ago
     * @throws IOException when none can be bound
     */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
