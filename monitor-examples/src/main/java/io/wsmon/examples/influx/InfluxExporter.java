package io.wsmon.examples.influx;

import io.wsmon.api.Exporter;
import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitoringService;
import io.wsmon.examples.CtrlC;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Writes each exported snapshot to InfluxDB as line protocol (see {@link LineProtocol}: measurements
 * {@code cpu}, {@code memory}, {@code disk}, {@code gpu}) with one HTTP POST, using only the JDK's
 * {@link HttpClient}. Works with the write endpoint of InfluxDB 1.x ({@code /write?db=monitoring}) and
 * of 2.x ({@code /api/v2/write?org=O&bucket=B} with the authorization {@code Token T}); the exporter adds
 * {@code precision=ms}. A write that is not answered 204 within 10 s fails the export, which the service
 * counts and logs; the next export writes the newer snapshot.
 *
 * <pre>INFLUX_AUTHORIZATION="Token T" java -cp monitor-examples/target/monitoring-websocket-server.jar \
 *     io.wsmon.examples.influx.InfluxExporter 'http://localhost:8086/write?db=monitoring' [SECONDS]</pre>
 */
public final class InfluxExporter implements Exporter {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI writeUri;
    private final String authorization;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /**
     * @param writeUrl the write endpoint with its query (database, or org and bucket), without precision
     * @param authorization the {@code Authorization} header's value, or null to send none
     * @throws IllegalArgumentException when the URL is not http or https
     */
    public InfluxExporter(String writeUrl, String authorization) {
        URI uri = URI.create(Objects.requireNonNull(writeUrl, "writeUrl"));
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("writeUrl: must be an http or https URL, got " + writeUrl);
        }
        this.writeUri = URI.create(writeUrl + (uri.getRawQuery() == null ? "?" : "&") + "precision=ms");
        this.authorization = authorization;
    }

    @Override
    public String name() {
        return "influxdb";
    }

    @Override
    public void export(Snapshot snapshot) throws IOException, InterruptedException {
        String lines = LineProtocol.lines(snapshot);
        if (lines.isEmpty()) {
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(writeUri)
                .timeout(TIMEOUT)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(lines, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new IOException("InfluxDB write to " + writeUri + " answered " + response.statusCode() + ": "
                    + response.body().strip());
        }
    }

    /**
     * Monitors this machine and writes its points every few seconds until Ctrl-C; the environment
     * variable {@code INFLUX_AUTHORIZATION} gives the authorization header when the server needs one.
     *
     * @param args the write URL, optionally the seconds between writes (default 10)
     * @throws InterruptedException when interrupted while waiting for Ctrl-C
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: InfluxExporter WRITE_URL [SECONDS]");
            System.exit(2);
        }
        Duration every = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        MonitoringService service = MonitoringService.builder()
                .exporter(new InfluxExporter(args[0], System.getenv("INFLUX_AUTHORIZATION")))
                .exportInterval(every)
                .start();
        System.out.println("writing points to " + args[0] + " every " + every.toSeconds() + " s; Ctrl-C stops");
        CtrlC.awaitThenClose(service);
    }
}
