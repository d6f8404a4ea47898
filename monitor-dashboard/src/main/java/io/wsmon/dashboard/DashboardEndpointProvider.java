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
     * The page and its files, loaded now from the class path; none when {@code dashboard} is false.
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
        DashboardFiles files = DashboardFiles.load();
        return List.of(
                HttpEndpoint.get("dashboard", "/", files::page).withoutToken(),
                HttpEndpoint.getPrefix("dashboard", DashboardFiles.ASSET_PREFIX, files::asset).withoutToken());
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
