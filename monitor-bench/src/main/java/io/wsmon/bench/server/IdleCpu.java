package io.wsmon.bench.server;

import io.wsmon.bench.proc.ProcStat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole server idle against Prometheus' node_exporter, side by side in one run: the real server
 * ({@code java -jar} and/or the launcher) collecting at 2 Hz with no client, and
 * {@code prometheus-node-exporter} on a free loopback port, scraped by this benchmark twice a second.
 * After a warm-up it reads every process's CPU time from {@code /proc/<pid>/stat} over a window and
 * prints each as a share of one core, the ratio of each wsmon to node_exporter, and where each wsmon's
 * time went, thread by thread. Run from the repository root after {@code mvn -B -q package -DskipTests}:
 *
 * <pre>
 * java -cp monitor-bench/target/benchmarks.jar io.wsmon.bench.server.IdleCpu --duration 120 --warmup 60
 * </pre>
 *
 * <p>Options: {@code --targets jar,launcher}, {@code --duration S} (120), {@code --warmup S} (60),
 * {@code --interval S} (0.5: the server's interval and the scrape period), {@code --node-exporter PATH}
 * ({@code /usr/bin/prometheus-node-exporter}, Debian's {@code prometheus-node-exporter}), {@code --jar},
 * {@code --launcher}, {@code --jvm "OPTIONS"} (for the jar target), {@code --threads N} (8, the busiest
 * threads shown per server).
 */
public final class IdleCpu {

    private IdleCpu() {}

    /**
     * @param args see the class description
     * @throws Exception when a process cannot be started or read
     */
    public static void main(String[] args) throws Exception {
        Arguments options = new Arguments(args, Map.of("--targets", "jar,launcher", "--duration", "120",
                "--warmup", "60", "--interval", "0.5", "--node-exporter", "/usr/bin/prometheus-node-exporter",
                "--jar", "monitor-examples/target/monitoring-websocket-server.jar",
                "--launcher", "bin/monitoring-websocket-server", "--jvm", "", "--threads", "8"));
        double interval = options.number("--interval", 0.01);
        long duration = (long) options.number("--duration", 1);
        long warmup = (long) options.number("--warmup", 0);
        int threads = (int) options.number("--threads", 0);
        Path nodeExporter = Path.of(options.text("--node-exporter"));
        if (!Files.isExecutable(nodeExporter)) {
            throw new IllegalArgumentException("--node-exporter: not an executable file, got " + nodeExporter
                    + " (Debian: apt-get install prometheus-node-exporter)");
        }
        Path cache = Files.createTempDirectory("wsmon-idle-cache");
        Map<String, Process> processes = new LinkedHashMap<>();
        ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor();
        try {
            for (String target : options.list("--targets")) {
                ServerLaunch launch = ServerLaunch.of(target, Path.of(options.text("--jar")),
                        Path.of(options.text("--launcher")), options.words("--jvm"), cache);
                if (launch.target().equals("launcher")) {
                    // its first start makes the class-data archive; the measured one is a later start
                    Process first = launch.start(ServerLaunch.freePort(), List.of());
                    launch.awaitArchive();
                    ServerLaunch.stop(first);
                }
                processes.put("wsmon " + target, launch.start(ServerLaunch.freePort(),
                        List.of("--interval", Double.toString(interval))));
                System.out.printf(Locale.ROOT, "wsmon %s: %s --interval %s%n", target,
                        String.join(" ", launch.command()), interval);
            }
            int port = ServerLaunch.freePort();
            processes.put("node_exporter", new ProcessBuilder(nodeExporter.toString(),
                    "--web.listen-address=127.0.0.1:" + port).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start());
            System.out.printf(Locale.ROOT, "node_exporter: %s on 127.0.0.1:%d, scraped every %s s%n", nodeExporter,
                    port, interval);
            Scrapes scrapes = new Scrapes(URI.create("http://127.0.0.1:" + port + "/metrics"));
            scraper.scheduleAtFixedRate(scrapes::scrape, 0, (long) (interval * 1e9), TimeUnit.NANOSECONDS);
            System.out.printf(Locale.ROOT, "warm-up %d s, then %d s measured; %d cores, java %s%n", warmup, duration,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
            Map<String, Map<String, Long>> threadsBefore = new LinkedHashMap<>();
            Map<String, Long> before = new LinkedHashMap<>();
            for (Map.Entry<String, Process> process : processes.entrySet()) {
                before.put(process.getKey(), ProcStat.cpuNanos(process.getValue().pid()));
                threadsBefore.put(process.getKey(), ProcStat.threadCpuNanos(process.getValue().pid()));
            }
            long scrapesBefore = scrapes.ok.get();
            long began = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(duration));
            long wall = System.nanoTime() - began;
            Map<String, Double> percent = new LinkedHashMap<>();
            for (Map.Entry<String, Process> process : processes.entrySet()) {
                long used = ProcStat.cpuNanos(process.getValue().pid()) - before.get(process.getKey());
                percent.put(process.getKey(), 100.0 * used / wall);
            }
            System.out.printf(Locale.ROOT, "%nscrapes in the window: %d (failed in all: %d), %d bytes each%n",
                    scrapes.ok.get() - scrapesBefore, scrapes.failed.get(), scrapes.bytes.get());
            double node = percent.get("node_exporter");
            for (Map.Entry<String, Double> process : percent.entrySet()) {
                System.out.printf(Locale.ROOT, "%-16s %6.3f %% of one core%s%n", process.getKey(), process.getValue(),
                        process.getKey().equals("node_exporter") ? ""
                                : String.format(Locale.ROOT, "   %.2f of node_exporter's", process.getValue() / node));
            }
            for (Map.Entry<String, Process> process : processes.entrySet()) {
                if (!process.getKey().equals("node_exporter")) {
                    printThreads(process.getKey(), threadsBefore.get(process.getKey()),
                            ProcStat.threadCpuNanos(process.getValue().pid()), wall, threads);
                }
            }
        } finally {
            scraper.shutdownNow();
            for (Process process : processes.values()) {
                ServerLaunch.stop(process);
            }
        }
    }

    private static void printThreads(String name, Map<String, Long> before, Map<String, Long> after, long wall,
            int count) {
        List<Map.Entry<String, Long>> used = new ArrayList<>();
        after.forEach((thread, nanos) -> used.add(Map.entry(thread, nanos - before.getOrDefault(thread, 0L))));
        used.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        System.out.printf(Locale.ROOT, "%s, busiest threads in the window (%% of one core):%n", name);
        for (Map.Entry<String, Long> thread : used.subList(0, Math.min(count, used.size()))) {
            if (thread.getValue() > 0) {
                System.out.printf(Locale.ROOT, "  %-28s %6.3f%n", thread.getKey(), 100.0 * thread.getValue() / wall);
            }
        }
    }

    /** GETs node_exporter's metrics and reads the whole body, as Prometheus would. */
    private static final class Scrapes {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final HttpRequest request;
        private final AtomicLong ok = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();

        Scrapes(URI uri) {
            this.request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build();
        }

        void scrape() {
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200) {
                    ok.incrementAndGet();
                    bytes.set(response.body().length);
                } else {
                    failed.incrementAndGet();
                }
            } catch (IOException e) {
                failed.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
