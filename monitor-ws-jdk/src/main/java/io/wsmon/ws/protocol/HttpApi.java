package io.wsmon.ws.protocol;

import io.wsmon.ws.http.HttpRequest;
import io.wsmon.ws.http.HttpResponse;
import java.util.Map;

/**
 * The plain HTTP endpoints on the WebSocket port: {@code /api/snapshot}, {@code /api/history?count=N},
 * {@code /api/status} (token required when one is set) and {@code /healthz}. Unknown paths get 404, other
 * methods than GET 405, bad parameters 400; a plain GET of {@code /} gets 426, since it is the WebSocket
 * endpoint.
 */
final class HttpApi {

    private final MonitoringProtocol protocol;

    HttpApi(MonitoringProtocol protocol) {
        this.protocol = protocol;
    }

    HttpResponse serve(HttpRequest request) {
        String path = request.path();
        boolean api = path.startsWith("/api/");
        if (!api && !path.equals("/healthz") && !path.equals("/")) {
            return HttpResponse.error(404, "No such endpoint: " + Parameters.abbreviate(path));
        }
        if (!request.method().equals("GET")) {
            return HttpResponse.error(405, request.method() + " is not allowed; use GET", Map.of("Allow", "GET"));
        }
        if (api && !protocol.settings().token().admits(request)) {
            return HttpResponse.error(403, "Missing or wrong access token");
        }
        return switch (path) {
            case "/" -> HttpResponse.error(426, "This is a WebSocket endpoint; connect with a WebSocket client",
                    Map.of("Upgrade", "websocket", "Sec-WebSocket-Version", "13"));
            case "/healthz" -> health();
            case "/api/status" -> HttpResponse.json(200, protocol.status());
            case "/api/snapshot" -> snapshot();
            case "/api/history" -> history(request);
            default -> HttpResponse.error(404, "No such endpoint: " + Parameters.abbreviate(path));
        };
    }

    private HttpResponse health() {
        boolean running = protocol.feed().isRunning();
        return HttpResponse.json(running ? 200 : 503,
                protocol.messages().health(running, protocol.connectedClients()));
    }

    private HttpResponse snapshot() {
        return protocol.feed().currentSnapshot()
                .map(snapshot -> HttpResponse.json(200, protocol.feed().codec().encode(snapshot, "snapshot", null)))
                .orElseGet(() -> HttpResponse.error(503, "No snapshot has been collected yet"));
    }

    private HttpResponse history(HttpRequest request) {
        try {
            int count = Parameters.count(request.queryParameter("count").orElse(null),
                    ProtocolSettings.DEFAULT_HISTORY_COUNT, protocol.settings().historyCap());
            return HttpResponse.json(200, protocol.history(count, null));
        } catch (InvalidParameterException e) {
            return HttpResponse.error(400, e.getMessage());
        }
    }
}
