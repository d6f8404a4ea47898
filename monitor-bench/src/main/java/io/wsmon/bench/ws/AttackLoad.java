package io.wsmon.bench.ws;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The slow-client attacks of issue 13 against the wsmon server in a child JVM with a small heap, with a few
 * clients that keep up counting their ticks: {@code ping-flood} (each attacker writes 64 KiB of pings every
 * 5 ms and reads 64 bytes every 20 ms) and {@code history} (each asks for the last 1,000 snapshots of
 * 4 KB every 200 ms and reads as slowly). Prints, per attack: the server's heap after a full GC before, one
 * second into the attack and after it, its peak resident memory, the CPU of its event loop thread and of
 * the whole process during the attack, how long until every attacker was dropped, and the ticks the good
 * clients received and missed (seq gaps after their first tick).
 *
 * <pre>
 * java -cp monitor-bench/target/benchmarks.jar io.wsmon.bench.ws.AttackLoad --attack ping-flood,history
 * </pre>
 *
 * <p>Options: {@code --attack ping-flood,history} (both), {@code --attackers N} (3 for ping-flood, 50 for
 * history), {@code --good N} (5), {@code --interval S} (0.1), {@code --duration S} (20: the longest an
 * attack may last), {@code --after S} (5: ticks counted after the attack), {@code --server-jvm OPTIONS}
 * ({@code "-Xmx256m -XX:+ExitOnOutOfMemoryError"}).
 */
public final class AttackLoad {

    private AttackLoad() {}

    /** The options of one run. */
    record Options(List<String> attacks, int attackers, int good, double interval, int durationSeconds,
            int afterSeconds, List<String> serverJvm) {}

    /** What one attack is: what each attacker writes, how often, and the server's snapshots. */
    private record Attack(String name, byte[] bytes, long pauseMillis, int defaultAttackers, int payload, int history) {}

    /**
     * @param args see the class description
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        System.out.printf(Locale.ROOT, "interval=%.3fs good=%d duration<=%ds after=%ds server-jvm=%s cores=%d load=%.2f%n",
                options.interval(), options.good(), options.durationSeconds(), options.afterSeconds(),
                options.serverJvm(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<String> rows = new ArrayList<>();
        for (String name : options.attacks()) {
            Attack attack = attack(name);
            try {
                rows.add(run(attack, options));
            } catch (Exception e) {
                rows.add(String.format(Locale.ROOT, "%-10s failed: %s", name, e));
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-10s %9s %9s %9s %9s %9s %10s %10s %9s %9s %9s %6s%n", "attack", "attackers",
                "heap0 MB", "heap1s MB", "heapEnd", "rss max", "loop cpu", "proc cpu", "dropped", "good rcv",
                "missed", "alive");
        rows.forEach(System.out::println);
    }

    private static Attack attack(String name) {
        return switch (name) {
            case "ping-flood" -> new Attack(name, ClientFrame.pings(64 * 1024), 5, 3, 2000, 10);
            case "history" -> new Attack(name, ClientFrame.text("{\"type\":\"get_history\",\"count\":1000}"), 200, 50,
                    4000, 1000);
            default -> throw new IllegalArgumentException("--attack: ping-flood or history, got '" + name + "'");
        };
    }

    private static String run(Attack attack, Options options) throws Exception {
        int attackers = options.attackers() > 0 ? options.attackers() : attack.defaultAttackers();
        try (ServerProcess server = new ServerProcess("wsmon", options.serverJvm(), options.interval(), attack.payload(),
                attackers + options.good() + 10, attack.history())) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
            long heapBefore = server.heapAfterGc();
            List<GoodClient> good = new ArrayList<>();
            List<SlowAttacker> running = new ArrayList<>();
            try {
                for (int i = 0; i < options.good(); i++) {
                    good.add(GoodClient.connect(server.port()));
                }
                Thread.sleep((long) (options.interval() * 3000));
                good.forEach(GoodClient::resetCounts);
                long cpu0 = server.cpuNanos();
                long loop0 = server.loopCpuNanos();
                long start = System.nanoTime();
                for (int i = 0; i < attackers; i++) {
                    running.add(SlowAttacker.start(address, attack.bytes(), attack.pauseMillis(), attack.name() + i));
                }
                long rssMax = server.rssBytes();
                long deadline = start + TimeUnit.SECONDS.toNanos(options.durationSeconds());
                long heapOneSecond = -1;
                while (System.nanoTime() < deadline && server.isAlive() && !allDropped(running)) {
                    Thread.sleep(100);
                    rssMax = Math.max(rssMax, server.rssBytes());
                    if (heapOneSecond < 0 && System.nanoTime() - start >= TimeUnit.SECONDS.toNanos(1)) {
                        heapOneSecond = server.heapAfterGc();
                    }
                }
                long end = System.nanoTime();
                double window = (end - start) / 1e9;
                double loopCores = (server.loopCpuNanos() - loop0) / 1e9 / window;
                double processCores = (server.cpuNanos() - cpu0) / 1e9 / window;
                int dropped = (int) running.stream().filter(a -> a.droppedAtNanos() != 0).count();
                double lastDrop = running.stream().mapToLong(SlowAttacker::droppedAtNanos).filter(t -> t != 0)
                        .map(t -> t - start).max().orElse(0) / 1e9;
                Thread.sleep(TimeUnit.SECONDS.toMillis(options.afterSeconds()));
                long heapAfter = server.isAlive() ? server.heapAfterGc() : -1;
                long received = good.stream().mapToLong(GoodClient::received).sum();
                long missed = good.stream().mapToLong(GoodClient::missed).sum();
                return String.format(Locale.ROOT, "%-10s %9d %9.1f %9.1f %9.1f %9.1f %10s %10s %9s %9d %9d %6s",
                        attack.name(), attackers, mb(heapBefore), mb(heapOneSecond), mb(heapAfter),
                        mb(rssMax), String.format(Locale.ROOT, "%.2f core", loopCores),
                        String.format(Locale.ROOT, "%.2f core", processCores),
                        dropped + "@" + String.format(Locale.ROOT, "%.1fs", lastDrop), received, missed,
                        server.isAlive() ? "yes" : "exit " + server.exitCode());
            } finally {
                for (SlowAttacker attacker : running) {
                    attacker.close();
                }
                good.forEach(GoodClient::close);
            }
        }
    }

    private static boolean allDropped(List<SlowAttacker> attackers) {
        return attackers.stream().allMatch(a -> a.droppedAtNanos() != 0);
    }

    private static double mb(long bytes) {
        return bytes < 0 ? Double.NaN : bytes / (1024.0 * 1024.0);
    }

    static Options parse(String[] args) {
        List<String> attacks = List.of("ping-flood", "history");
        int attackers = 0;
        int good = 5;
        double interval = 0.1;
        int duration = 20;
        int after = 5;
        List<String> serverJvm = List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + ": needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--attack" -> attacks = Arrays.asList(value.split(","));
                case "--attackers" -> attackers = positive(args[i], value);
                case "--good" -> good = positive(args[i], value);
                case "--interval" -> interval = Double.parseDouble(value);
                case "--duration" -> duration = positive(args[i], value);
                case "--after" -> after = positive(args[i], value);
                case "--server-jvm" -> serverJvm = value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; known: --attack --attackers --good --interval --duration --after --server-jvm");
            }
        }
        attacks.forEach(AttackLoad::attack);
        return new Options(attacks, attackers, good, interval, duration, after, serverJvm);
    }

    private static int positive(String option, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": must be a positive integer, got " + value);
    }
}
