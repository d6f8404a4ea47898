package io.wsmon.bench.ws;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket load tool: opens N clients from this process against a server in a child process and
 * prints what a user of the server cares about: clients connected, messages delivered per second, the
 * share of (tick, client) pairs delivered, fan-out skew per tick (first to last client), ping round trip,
 * the server's CPU (cores) and memory per client. Runs wsmon, the Java-WebSocket peer and the Netty peer
 * one after the other with the same payload, so the comparison is one command:
 *
 * <pre>
 * java -cp monitor-bench/target/benchmarks.jar io.wsmon.bench.ws.WsLoad --clients 1000 --interval 0.5
 * </pre>
 *
 * <p>Options: {@code --clients N} (1000), {@code --interval S} (0.5), {@code --duration S} (30),
 * {@code --warmup S} (5), {@code --payload BYTES} (2048), {@code --stalled PERCENT} (0),
 * {@code --servers wsmon,java-websocket,netty}, {@code --server-jvm "-Xmx64m"}, {@code --tls off|on|both}
 * (off: plain connections; on: TLS with a certificate made for the run; both: each server plain, then
 * over TLS; the Netty peer serves plain connections only).
 */
public final class WsLoad {

    private WsLoad() {}

    /** The options of one run. */
    record Options(int clients, double interval, int durationSeconds, int warmupSeconds, int payload, int stalled,
            List<String> servers, List<String> serverJvm, List<Boolean> tls) {}

    /**
     * @param args see the class description
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        System.out.printf(Locale.ROOT, "clients=%d interval=%.3fs duration=%ds warmup=%ds payload=%dB stalled=%d%% "
                        + "server-jvm=%s cores=%d%n", options.clients(), options.interval(), options.durationSeconds(),
                options.warmupSeconds(), options.payload(), options.stalled(), options.serverJvm(),
                Runtime.getRuntime().availableProcessors());
        List<String> rows = new ArrayList<>();
        BenchCertificate certificate = options.tls().contains(true) ? BenchCertificate.generate() : null;
        for (String server : options.servers()) {
            for (boolean tls : options.tls()) {
                try {
                    rows.add(run(server, options, tls ? certificate : null));
                } catch (Exception e) {
                    rows.add(String.format(Locale.ROOT, "%-18s failed: %s", server + (tls ? "+tls" : ""), e));
                }
            }
        }
        System.out.println();
        System.out.println(header());
        rows.forEach(System.out::println);
    }

    private static String run(String implementation, Options options, BenchCertificate tls) throws Exception {
        try (ServerProcess server = new ServerProcess(implementation, options.serverJvm(), options.interval(),
                options.payload(), options.clients() + 10, tls)) {
            long heapBefore = server.heapAfterGc();
            try (LoadClients clients = new LoadClients(new InetSocketAddress("127.0.0.1", server.port()),
                    options.clients(), options.stalled(), tls == null ? null : tls.clientContext())) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (clients.open() + clients.failed() < options.clients() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(TimeUnit.SECONDS.toMillis(options.warmupSeconds()));
                long cpuBefore = server.cpuNanos();
                clients.beginWindow();
                Thread.sleep(TimeUnit.SECONDS.toMillis(options.durationSeconds()));
                WindowResult window = clients.endWindow().get(30, TimeUnit.SECONDS);
                long cpuAfter = server.cpuNanos();
                long rss = server.rssBytes();
                long heapAfter = server.heapAfterGc();
                return row(implementation + (tls == null ? "" : "+tls"), options, window, (cpuAfter - cpuBefore) / (double) window.nanos(), rss,
                        (heapAfter - heapBefore) / (double) Math.max(1, window.open()));
            }
        }
    }

    private static String header() {
        return String.format(Locale.ROOT, "%-18s %9s %9s %10s %9s %9s %9s %9s %9s %8s %8s %12s",
                "server", "connected", "reading", "msgs/s", "delivered", "skew p50", "skew p99", "skew max",
                "rtt p50", "rtt p99", "cores", "rss / heap/cl");
    }

    private static String row(String implementation, Options options, WindowResult window, double cores, long rss,
            double heapPerClient) {
        List<Long> seqs = new ArrayList<>(window.ticks().keySet());
        seqs.sort(null);
        long[] skews = new long[Math.max(0, seqs.size() - 2)];
        long reached = 0;
        for (int i = 1; i < seqs.size() - 1; i++) {
            long[] tick = window.ticks().get(seqs.get(i));
            skews[i - 1] = tick[1] - tick[0];
            reached += tick[2];
        }
        double delivered = skews.length == 0 ? 0 : 100.0 * reached / ((double) skews.length * window.reading());
        Percentiles skew = new Percentiles(skews);
        Percentiles rtt = new Percentiles(window.pingRttNanos());
        double seconds = window.nanos() / 1e9;
        return String.format(Locale.ROOT, "%-18s %9d %9d %10.1f %8.2f%% %7.2fms %7.2fms %7.2fms %7.2fms %7.2fms %8.3f"
                        + " %5.0fMB/%5.1fKB",
                implementation, window.open(), window.reading(), window.messages() / seconds, delivered,
                millis(skew.at(50)), millis(skew.at(99)), millis(skew.max()), millis(rtt.at(50)), millis(rtt.at(99)),
                cores, rss / 1048576.0, heapPerClient / 1024.0)
                + (window.closedByServer() + window.failed() > 0
                        ? String.format(Locale.ROOT, "  (closed by server %d, failed %d)", window.closedByServer(),
                                window.failed()) : "");
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static Options parse(String[] args) {
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                "--clients", "1000", "--interval", "0.5", "--duration", "30", "--warmup", "5", "--payload", "2048",
                "--stalled", "0", "--servers", "wsmon,java-websocket,netty", "--server-jvm", "-Xmx64m", "--tls", "off"));
        for (int i = 0; i < args.length; i += 2) {
            if (!values.containsKey(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]
                        + "; options: " + values.keySet());
            }
            values.put(args[i], args[i + 1]);
        }
        String jvm = values.get("--server-jvm").trim();
        return new Options(Integer.parseInt(values.get("--clients")), Double.parseDouble(values.get("--interval")),
                Integer.parseInt(values.get("--duration")), Integer.parseInt(values.get("--warmup")),
                Integer.parseInt(values.get("--payload")), Integer.parseInt(values.get("--stalled")),
                List.of(values.get("--servers").split(",")), jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+")),
                tls(values.get("--tls")));
    }

    private static List<Boolean> tls(String value) {
        return switch (value) {
            case "off" -> List.of(false);
            case "on" -> List.of(true);
            case "both" -> List.of(false, true);
            default -> throw new IllegalArgumentException("--tls: must be off, on or both, got '" + value + "'");
        };
    }
}
