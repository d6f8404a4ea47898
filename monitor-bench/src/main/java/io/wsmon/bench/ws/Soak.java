package io.wsmon.bench.ws;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The soak: N clients on the wsmon server in a child JVM for a bounded time, a share of them stalling (they
 * never read) and reconnecting periodically, the rest reading every tick. Every report period it prints the
 * server's heap after a full GC, its resident memory, the ticks the reading clients lost, and the
 * connections the server has open against what the clients hold (a leak shows as more on the server);
 * at the end, the same after every client has gone, which must be zero.
 *
 * <pre>
 * java -cp monitor-bench/target/benchmarks.jar io.wsmon.bench.ws.Soak --clients 1000 --interval 0.1 --duration 600
 * </pre>
 *
 * <p>Options: {@code --clients N} (1000), {@code --interval S} (0.1), {@code --duration S} (600, at most a
 * day), {@code --stalled PERCENT} (5), {@code --reconnect S} (30: the stalled clients drop their sockets and
 * connect anew), {@code --report S} (30), {@code --payload BYTES} (2048), {@code --server-jvm "-Xmx256m"}.
 */
public final class Soak {

    private static final int MAX_DURATION_SECONDS = 86_400;

    private Soak() {}

    /** The options of one soak. */
    record Options(int clients, double interval, int durationSeconds, int stalled, int reconnectSeconds,
            int reportSeconds, int payload, List<String> serverJvm) {}

    /**
     * @param args see the class description
     * @throws Exception when the server or the clients fail
     */
    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        int stalledCount = (int) Math.round(options.clients() * options.stalled() / 100.0);
        int readingCount = options.clients() - stalledCount;
        System.out.printf(Locale.ROOT, "soak: clients=%d (reading %d, stalling %d, reconnecting every %ds) interval=%.3fs"
                        + " duration=%ds payload=%dB server-jvm=%s cores=%d%n", options.clients(), readingCount,
                stalledCount, options.reconnectSeconds(), options.interval(), options.durationSeconds(),
                options.payload(), options.serverJvm(), Runtime.getRuntime().availableProcessors());
        try (ServerProcess server = new ServerProcess("wsmon", options.serverJvm(), options.interval(),
                options.payload(), 2 * options.clients() + 10)) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
            Summary summary = new Summary(server.heapAfterGc());
            LoadClients reading = new LoadClients(address, readingCount, 0);
            LoadClients stalled = stalledCount == 0 ? null : new LoadClients(address, stalledCount, 100);
            try {
                awaitConnected(reading, readingCount);
                reading.beginWindow();
                TickLoss loss = new TickLoss(options.interval());
                long start = System.nanoTime();
                long end = start + TimeUnit.SECONDS.toNanos(options.durationSeconds());
                long nextReport = start + TimeUnit.SECONDS.toNanos(options.reportSeconds());
                long nextReconnect = start + TimeUnit.SECONDS.toNanos(options.reconnectSeconds());
                int reconnections = 0;
                System.out.println(header());
                while (true) {
                    long now = System.nanoTime();
                    long next = Math.min(end, Math.min(nextReport, nextReconnect));
                    if (now < next) {
                        TimeUnit.NANOSECONDS.sleep(next - now);
                        continue;
                    }
                    if (stalled != null && now >= nextReconnect && now < end) {
                        stalled.close();
                        stalled = new LoadClients(address, stalledCount, 100);
                        awaitConnected(stalled, stalledCount);
                        reconnections += stalledCount;
                        nextReconnect += TimeUnit.SECONDS.toNanos(options.reconnectSeconds());
                    }
                    if (now >= nextReport || now >= end) {
                        WindowResult window = reading.endWindow().get(60, TimeUnit.SECONDS);
                        reading.beginWindow();
                        Loss lost = loss.lost(window);
                        int expected = window.reading() + (stalled == null ? 0 : stalled.open());
                        Row row = new Row((now - start) / 1e9, server.heapAfterGc(), server.rssBytes(),
                                window.reading(), lost.pairs(), lost.whole(), window.closedByServer() + window.failed(),
                                settled(server, expected), window.reading(), expected, reconnections);
                        summary.add(row);
                        System.out.println(row.format());
                        nextReport += TimeUnit.SECONDS.toNanos(options.reportSeconds());
                    }
                    if (now >= end) {
                        break;
                    }
                }
            } finally {
                reading.close();
                if (stalled != null) {
                    stalled.close();
                }
            }
            System.out.println(summary.format(awaitNoConnections(server)));
        }
    }

    private static void awaitConnected(LoadClients clients, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (clients.open() + clients.failed() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (clients.open() < count) {
            throw new IllegalStateException("only " + clients.open() + " of " + count + " clients connected within 120 s");
        }
    }

    /**
     * The server's connections, given up to 5 s to drop to what the clients hold: a socket a client just
     * closed may not have been noticed yet, a leaked one stays.
     */
    private static int settled(ServerProcess server, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int open = server.connections();
        while (open > expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            open = server.connections();
        }
        return open;
    }

    /** @return the connections the server still has open 30 s at most after every client went away */
    private static int awaitNoConnections(ServerProcess server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int open = server.connections();
        while (open > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            open = server.connections();
        }
        return open;
    }

    private static String header() {
        return String.format(Locale.ROOT, "%7s %12s %8s %8s %18s %9s %15s %12s", "time", "heap(GC)", "rss",
                "reading", "ticks lost (whole)", "dropped", "server conns", "reconnects");
    }

    /** One report period; {@code dropped} and {@code reconnections} count from the start. */
    private record Row(double seconds, long heap, long rss, int reading, long lost, long wholeTicksLost, int dropped,
            int serverConnections,
            int expectedAtLeast, int expectedAtMost, int reconnections) {

        String format() {
            return String.format(Locale.ROOT, "%6.0fs %10.1fMB %6.0fMB %8d %11d (%4d) %9d %6d of %d-%d %12d%s",
                    seconds, heap / 1048576.0, rss / 1048576.0, reading, lost, wholeTicksLost, dropped, serverConnections, expectedAtLeast,
                    expectedAtMost, reconnections, serverConnections > expectedAtMost ? "  LEAK?" : "");
        }
    }

    /**
     * What the reading clients missed in one report period.
     *
     * @param pairs (tick, client) pairs missing: a tick each reading client should have had but did not
     * @param whole ticks no reading client had (the server skipped them, rather than one client lagging)
     */
    private record Loss(long pairs, long whole) {}

    /**
     * Ticks each reading client should have had but did not, window after window: a tick split by a window
     * edge is counted once, from both halves; the very first tick is skipped (clients may join mid-way).
     */
    private static final class TickLoss {
        private final double interval;
        private long previousLast = -1;
        private long previousLastReached;

        TickLoss(double interval) {
            this.interval = interval;
        }

        Loss lost(WindowResult window) {
            if (window.ticks().isEmpty()) {
                long ticks = Math.round(window.nanos() / 1e9 / interval);
                return new Loss(ticks * window.reading(), ticks);
            }
            List<Long> seqs = new ArrayList<>(window.ticks().keySet());
            seqs.sort(null);
            long first = seqs.get(0);
            long last = seqs.get(seqs.size() - 1);
            long lost = 0;
            long whole = 0;
            for (long seq = previousLast < 0 ? first + 1 : previousLast; seq < last; seq++) {
                long[] tick = window.ticks().get(seq);
                long reached = (tick == null ? 0 : tick[2]) + (seq == previousLast ? previousLastReached : 0);
                lost += Math.max(0, window.reading() - reached);
                whole += reached == 0 ? 1 : 0;
            }
            previousLast = last;
            previousLastReached = window.ticks().get(last)[2];
            return new Loss(lost, whole);
        }
    }

    /** The whole run: heap after GC from first to last and its range, peak RSS, ticks lost, leaks. */
    private static final class Summary {
        private final long heapBefore;
        private final List<Row> rows = new ArrayList<>();

        Summary(long heapBefore) {
            this.heapBefore = heapBefore;
        }

        void add(Row row) {
            rows.add(row);
        }

        String format(int leftOpen) {
            long minHeap = rows.stream().mapToLong(Row::heap).min().orElse(0);
            long maxHeap = rows.stream().mapToLong(Row::heap).max().orElse(0);
            long maxRss = rows.stream().mapToLong(Row::rss).max().orElse(0);
            long lost = rows.stream().mapToLong(Row::lost).sum();
            long whole = rows.stream().mapToLong(Row::wholeTicksLost).sum();
            int dropped = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).dropped();
            long leaks = rows.stream().filter(r -> r.serverConnections() > r.expectedAtMost()).count();
            return String.format(Locale.ROOT, "%nsummary: heap after GC %.1f MB before clients, %.1f MB at the first"
                            + " report, %.1f MB at the last (range %.1f-%.1f MB); RSS peak %.0f MB; ticks lost by"
                            + " reading clients %d (whole ticks no reading client had: %d); reading clients dropped %d; reports with more server connections"
                            + " than clients %d; connections left open 30 s after all clients closed %d",
                    heapBefore / 1048576.0, rows.isEmpty() ? 0 : rows.get(0).heap() / 1048576.0,
                    rows.isEmpty() ? 0 : rows.get(rows.size() - 1).heap() / 1048576.0, minHeap / 1048576.0,
                    maxHeap / 1048576.0, maxRss / 1048576.0, lost, whole, dropped, leaks, leftOpen);
        }
    }

    private static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>(Map.of("--clients", "1000", "--interval", "0.1", "--duration",
                "600", "--stalled", "5", "--reconnect", "30", "--report", "30", "--payload", "2048",
                "--server-jvm", "-Xmx256m"));
        for (int i = 0; i < args.length; i += 2) {
            if (!values.containsKey(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]
                        + "; options: " + values.keySet());
            }
            values.put(args[i], args[i + 1]);
        }
        String jvm = values.get("--server-jvm").trim();
        return new Options(positive(values, "--clients"), interval(values.get("--interval")),
                bounded(values, "--duration", MAX_DURATION_SECONDS), bounded(values, "--stalled", 100),
                positive(values, "--reconnect"), positive(values, "--report"), positive(values, "--payload"),
                jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+")));
    }

    private static double interval(String value) {
        try {
            double seconds = Double.parseDouble(value);
            if (seconds >= 0.001 && seconds <= 3600) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--interval: must be seconds from 0.001 to 3600, got '" + value + "'");
    }

    private static int positive(Map<String, String> values, String option) {
        return bounded(values, option, Integer.MAX_VALUE);
    }

    private static int bounded(Map<String, String> values, String option, int max) {
        String value = values.get(option);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= (option.equals("--stalled") ? 0 : 1) && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": must be a whole number from "
                + (option.equals("--stalled") ? 0 : 1) + " to " + max + ", got '" + value + "'");
    }
}
