package io.wsmon.bench.metrics;

import com.sun.net.httpserver.HttpServer;
import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.ServiceContext;
import io.wsmon.core.json.SnapshotCodec;
import io.wsmon.otel.OtlpExporter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CPU time and the bytes of one OTLP push that sees a new snapshot: the mapping, the SDK's collection,
 * the protobuf encoding and the JDK HTTP client's request, to a receiver on loopback that reads the body
 * and answers 200. The CPU time is the whole process's, the receiver's included, so it is an upper bound;
 * the bytes are the request body's (uncompressed, as the exporter sends it). Run it with the launcher's JVM
 * flags to see what the server pays.
 *
 * <pre>java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp monitor-bench/target/benchmarks.jar \
 *     io.wsmon.bench.metrics.OtlpPushCpu [pushes]</pre>
 */
public final class OtlpPushCpu {

    private OtlpPushCpu() {}

    /**
     * Measures and prints.
     *
     * @param args the number of pushes to measure (default 3000), after as many to warm up
     * @throws Exception when the receiver cannot listen or a push fails
     */
    public static void main(String[] args) throws Exception {
        int pushes = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        Snapshot snapshot;
        try (MonitoringService service = MonitoringService.builder().interval(Duration.ofMillis(200)).start()) {
            while (service.currentSnapshot().map(s -> s.seq() < 2).orElse(true)) {
                Thread.sleep(10);
            }
            snapshot = service.currentSnapshot().orElseThrow();
        }
        AtomicLong bytes = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/v1/metrics", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                bytes.addAndGet(body.readAllBytes().length);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        SnapshotCodec codec = new SnapshotCodec();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (OtlpExporter exporter = new OtlpExporter(Map.of())) {
            exporter.start(new ServiceContext(Clock.systemUTC(), Duration.ofSeconds(1),
                    Map.of("otel.endpoint", "http://127.0.0.1:" + receiver.getAddress().getPort())));
            long seq = snapshot.seq();
            for (int i = 0; i < pushes; i++) {
                exporter.export(copy(snapshot, ++seq, codec));
            }
            bytes.set(0);
            long cpu = os.getProcessCpuTime();
            for (int i = 0; i < pushes; i++) {
                exporter.export(copy(snapshot, ++seq, codec));
            }
            cpu = os.getProcessCpuTime() - cpu;
            System.out.printf("%.1f us CPU per push (whole process, receiver included), %d bytes per push, "
                    + "%d sections%n", cpu / 1e3 / pushes, bytes.get() / pushes, snapshot.sections().size());
        } finally {
            receiver.stop(0);
        }
    }

    /** A new snapshot with the same sections, so that each push maps its figures as at a new tick. */
    private static Snapshot copy(Snapshot snapshot, long seq, SnapshotCodec codec) {
        return Snapshot.of(seq, snapshot.timestamp(), snapshot.sections(), List.of(), codec::encode);
    }
}
