package io.wsmon.dashboard;

import io.wsmon.api.http.EndpointContext;
import io.wsmon.api.http.HttpEndpoint;
import io.wsmon.api.http.HttpEndpointProvider;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Serves the dashboard: the page at {@code /} and its files under {@code /dashboard/}, both open without
 * the server's token (the page holds no data; it asks the WebSocket for it, with the token). Found by
 * {@link java.util.ServiceLoader}; the setting {@code dashboard=false} leaves both out.
 */
public final class DashboardEndpointProvider implements HttpEndpointProvider {

    /** The setting that turns the dashboard off. */
    public static final String SETTING = "dashboard";

    /** Needed by {@link java.util.ServiceLoader}. */
    public DashboardEndpointProvider() {
        // nothing to set up before the server asks for the endpoints
    }

    /**
     * The page and its files, loaded from the class path at the first request for one of them; none when
     * {@code dashboard} is false.
     *
     * @param context the server's settings
     * @return the endpoints, or none
     * @throws IllegalArgumentException when {@code dashboard} is neither true nor false
     */
    @Override
    public List<HttpEndpoint> endpoints(EndpointContext context) {
        if (!enabled(context.setting(SETTING))) {
            return List.of();
        }
        FilesOnFirstRequest files = new FilesOnFirstRequest();
        return List.of(
                HttpEndpoint.get("dashboard", "/", request -> files.get().page(request)).withoutToken(),
                HttpEndpoint.getPrefix("dashboard", DashboardFiles.ASSET_PREFIX, request -> files.get().asset(request))
                        .withoutToken());
    }

    /**
     * The page's files, read when first asked for rather than at the server's start: reading them from the
     * jar and hashing them (SHA-256, before the JIT compiles it, and the security providers it loads) costs
     * ~100 ms on the way to the first snapshot.
     */
    private static final class FilesOnFirstRequest {
        private DashboardFiles files;

        synchronized DashboardFiles get() {
            if (files == null) {
                files = DashboardFiles.load();
            }
            return files;
        }
    }

    private static boolean enabled(Optional<String> setting) {
        if (setting.isEmpty()) {
            return true;
        }
        return switch (setting.get().trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(
                    SETTING + ": must be true or false, got '" + setting.get() + "'");
        };
    }
}
