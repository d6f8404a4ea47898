package io.wsmon.prometheus;

import io.wsmon.api.Snapshot;
import io.wsmon.api.SnapshotSource;
import io.wsmon.api.http.EndpointContext;
import io.wsmon.api.http.HttpEndpoint;
import io.wsmon.api.http.HttpEndpointProvider;
import io.wsmon.api.http.HttpHandler;
import io.wsmon.api.http.HttpRequest;
import io.wsmon.api.http.HttpResponse;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.Version;
import io.wsmon.metrics.snapshot.AgentFigures;
import io.wsmon.metrics.snapshot.SnapshotMetrics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Serves {@code GET /metrics} on the server's port, found by {@link java.util.ServiceLoader}: the latest
 * snapshot (nothing is collected per scrape), its active alerts and the agent's own figures, in the
 * Prometheus text format, or OpenMetrics when the scraper's {@code Accept} asks for it. Missed ticks are
 * exported when the server streams a {@link MonitoringService}. The server asks
 * for its token, when it has one, as for any endpoint that requires it. The setting {@code metrics=false}
 * (the server's {@code --no-metrics}) turns it off.
 */
public final class MetricsEndpointProvider implements HttpEndpointProvider {

    /** The setting that turns the endpoint off when {@code false}. */
    public static final String SETTING = "metrics";
    /** The path served. */
    public static final String PATH = "/metrics";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public MetricsEndpointProvider() {}

    @Override
    public List<HttpEndpoint> endpoints(EndpointContext context) {
        if (!enabled(context.setting(SETTING))) {
            return List.of();
        }
        return List.of(HttpEndpoint.get("prometheus", PATH, new Handler(context)));
    }

    private static boolean enabled(Optional<String> setting) {
        String value = setting.map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse("true");
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(
                    SETTING + ": must be true or false, got '" + setting.orElseThrow() + "'");
        };
    }

    /**
     * Answers one scrape from memory, on the server's event loop. The mappings and Prometheus' writers
     * (which read their configuration when built) are made at the first scrape, not at the server's start.
     */
    private static final class Handler implements HttpHandler {
        private final EndpointContext context;
        private Scraper scraper;

        Handler(EndpointContext context) {
            this.context = context;
        }

        @Override
        public HttpResponse handle(HttpRequest request) {
            SnapshotSource source = context.source();
            Optional<Snapshot> snapshot = source.currentSnapshot();
            if (snapshot.isEmpty()) {
                return HttpResponse.error(503, "no snapshot yet: the first tick has not completed");
            }
            AgentFigures agent = AgentFigures.of(Version.current()).withWebsocketClients(context.connectedClients());
            if (source instanceof MonitoringService service) {
                agent = agent.withMissedTicks(service.statistics().missedTicks());
            }
            Scraper current = scraper();
            PrometheusText.Rendered rendered = current.text().render(
                    current.metrics().families(snapshot.get(), source.activeAlerts(), agent),
                    request.header("accept").orElse(null));
            return HttpResponse.of(200, rendered.contentType(), rendered.body());
        }

        private synchronized Scraper scraper() {
            if (scraper == null) {
                scraper = new Scraper(new SnapshotMetrics(), new PrometheusText());
            }
            return scraper;
        }
    }

    /**
     * What a scrape writes with.
     *
     * @param metrics the snapshot's figures as metric families
     * @param text the exposition writer
     */
    private record Scraper(SnapshotMetrics metrics, PrometheusText text) {}
}
