package io.wsmon.dashboard;

import io.wsmon.api.http.HttpRequest;
import io.wsmon.api.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The page and the files it loads, read from the class path once. The page names each file with its
 * version ({@code /dashboard/app.js?v=...}), so a file asked for at its current version may be cached for
 * good, while the page itself is revalidated on every load.
 */
final class DashboardFiles {

    /** Where the page's files are served. */
    static final String ASSET_PREFIX = "/dashboard/";

    /** For the page: revalidate on every load (a 304 when unchanged). */
    private static final String REVALIDATE = "no-cache";

    /** For a file asked for at its current version: it never changes at that URL. */
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /**
     * The page's own policy: scripts, styles and connections from this server only (WebSocket included),
     * never framed, and no {@code Referer}, which would carry the token in the page's URL.
     */
    private static final Map<String, String> PAGE_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:;"
                    + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer");

    private static final String HTML = "text/html; charset=utf-8";
    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";
    private static final String OWN = "/io/wsmon/dashboard/";

    private final StaticFile page;
    private final Map<String, StaticFile> assets;

    private DashboardFiles(StaticFile page, Map<String, StaticFile> assets) {
        this.page = page;
        this.assets = Map.copyOf(assets);
    }

    /**
     * Reads every file and builds the page around their versions.
     *
     * @return the files
     * @throws IllegalStateException when a file is missing from the class path (a broken build)
     */
    static DashboardFiles load() {
        String uplot = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        Map<String, StaticFile> assets = new LinkedHashMap<>();
        assets.put("app.css", StaticFile.of(read(OWN + "app.css"), CSS, Map.of()));
        assets.put("app.js", StaticFile.of(read(OWN + "app.js"), JAVASCRIPT, Map.of()));
        assets.put("uplot.css", StaticFile.of(read(uplot + "uPlot.min.css"), CSS, Map.of()));
        assets.put("uplot.js", StaticFile.of(read(uplot + "uPlot.iife.min.js"), JAVASCRIPT, Map.of()));
        String html = new String(read(OWN + "index.html"), StandardCharsets.UTF_8);
        for (Map.Entry<String, StaticFile> asset : assets.entrySet()) {
            html = html.replace("{{" + asset.getKey() + "}}",
                    ASSET_PREFIX + asset.getKey() + "?v=" + asset.getValue().version());
        }
        return new DashboardFiles(StaticFile.of(html.getBytes(StandardCharsets.UTF_8), HTML, PAGE_HEADERS), assets);
    }

    /**
     * Answers {@code /}.
     *
     * @param request the request
     * @return the page, or 304
     */
    HttpResponse page(HttpRequest request) {
        return page.respond(request, REVALIDATE);
    }

    /**
     * Answers a path under {@link #ASSET_PREFIX}.
     *
     * @param request the request
     * @return the file, 304, or 404 for a name the page does not use
     */
    HttpResponse asset(HttpRequest request) {
        StaticFile file = assets.get(request.path().substring(ASSET_PREFIX.length()));
        if (file == null) {
            return HttpResponse.error(404, "no such file: " + request.path());
        }
        boolean current = request.queryParameter("v").filter(file.version()::equals).isPresent();
        return file.respond(request, current ? IMMUTABLE : REVALIDATE);
    }

    private static String uplotVersion() {
        Properties properties = new Properties();
        try (InputStream in = DashboardFiles.class.getResourceAsStream("dashboard.properties")) {
            if (in == null) {
                throw new IllegalStateException("dashboard.properties is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("uplot.version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = DashboardFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("dashboard file missing from the class path: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
