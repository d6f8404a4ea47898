package io.wsmon.ws.protocol;

import io.wsmon.api.SourceHealth;
import io.wsmon.api.http.HttpEndpoint;
import io.wsmon.api.http.HttpRequest;
import io.wsmon.api.http.HttpResponse;
import io.wsmon.ws.http.HttpWire;
import java.util.List;

/**
 * The server's own HTTP API, served as ordinary {@link HttpEndpoint}s: {@code /api/snapshot},
 * {@code /api/history?count=N} and {@code /api/status} (token required when the server has one), and
 * {@code /healthz} (open), which tells what the source's {@link SourceHealth} says.
 */
final class ApiEndpoints {

    private final MonitoringProtocol protocol;

    ApiEndpoints(MonitoringProtocol protocol) {
        this.protocol = protocol;
    }

    List<HttpEndpoint> endpoints() {
        return List.of(
                HttpEndpoint.get("api-snapshot", "/api/snapshot", request -> snapshot()),
                HttpEndpoint.get("api-history", "/api/history", this::history),
                HttpEndpoint.get("api-status", "/api/status", request -> HttpResponse.json(200, protocol.status())),
                HttpEndpoint.get("healthz", "/healthz", request -> health()).withoutToken());
    }

    /** 200 while the source serves (healthy or degraded), 503 with the reasons otherwise; the body says which. */
    private HttpResponse health() {
        SourceHealth health = protocol.source().health();
        return HttpResponse.json(health.serving() ? 200 : 503, protocol.messages().health(health, protocol.connectedClients()));
    }

    private HttpResponse snapshot() {
        return protocol.source().currentSnapshot()
                .map(snapshot -> HttpResponse.json(200, protocol.messages().snapshot(snapshot, null)))
                .orElseGet(() -> HttpWire.error(503, "No snapshot has been collected yet"));
    }

    private HttpResponse history(HttpRequest request) {
        try {
            int count = Parameters.count(request.queryParameter("count").orElse(null),
                    ProtocolSettings.DEFAULT_HISTORY_COUNT, protocol.settings().historyCap());
            return HttpResponse.json(200, protocol.history(count, null));
        } catch (InvalidParameterException e) {
            return HttpWire.error(400, e.getMessage());
        }
    }
}
