package io.wsmon.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.SnapshotSource;
import io.wsmon.api.http.EndpointContext;
import io.wsmon.api.http.HttpEndpoint;
import io.wsmon.api.http.HttpEndpointProvider;
import io.wsmon.api.http.HttpRequest;
import io.wsmon.api.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DashboardEndpointProviderTest {

    private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/dashboard/([^\"?]+)\\?v=([^\"]+))\"");

    private final List<HttpEndpoint> endpoints = endpoints(Map.of());

    @Test
    void provider_onTheClassPath_isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(HttpEndpointProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(DashboardEndpointProvider.class);
    }

    @Test
    void dashboardSetting_absent_servesPageAtRootAndFilesUnderDashboardWithoutToken() {
        assertThat(endpoints).extracting(HttpEndpoint::path).containsExactly("/", "/dashboard/");
        assertThat(endpoints).extracting(HttpEndpoint::prefix).containsExactly(false, true);
        assertThat(endpoints).allSatisfy(endpoint -> {
            assertThat(endpoint.tokenRequired()).isFalse();
            assertThat(endpoint.methods()).containsExactly("GET");
        });
    }

    @Test
    void dashboardSetting_false_servesNothing() {
        assertThat(endpoints(Map.of("dashboard", "false"))).isEmpty();
        assertThat(endpoints(Map.of("dashboard", " OFF "))).isEmpty();
        assertThat(endpoints(Map.of("dashboard", "true"))).hasSize(2);
    }

    @Test
    void dashboardSetting_neitherTrueNorFalse_failsNamingTheSettingAndValue() {
        assertThatThrownBy(() -> endpoints(Map.of("dashboard", "maybe")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dashboard: must be true or false, got 'maybe'");
    }

    @Test
    void page_get_isHtmlRevalidatedOnEveryLoadWithAnEtagAndAPolicy() {
        HttpResponse page = get("/", Map.of(), Map.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers()).containsEntry("Content-Type", "text/html; charset=utf-8")
                .containsEntry("Cache-Control", "no-cache")
                .containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsKey("Content-Security-Policy");
        assertThat(page.headers().get("ETag")).matches("\"[0-9a-f]{16}\"");
        assertThat(text(page)).startsWith("<!doctype html>").doesNotContain("{{");
    }

    @Test
    void page_ifNoneMatchNamesItsTag_answers304WithTheTagAndNoBody() {
        String etag = get("/", Map.of(), Map.of()).headers().get("ETag");

        for (String ifNoneMatch : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
            HttpResponse again = get("/", Map.of(), Map.of("if-none-match", ifNoneMatch));
            assertThat(again.status()).as(ifNoneMatch).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.headers()).containsEntry("ETag", etag).containsEntry("Cache-Control", "no-cache");
        }
    }

    @Test
    void page_ifNoneMatchNamesAnotherTag_answers200WithTheBody() {
        HttpResponse page = get("/", Map.of(), Map.of("if-none-match", "\"0000000000000000\""));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).isNotEmpty();
    }

    @Test
    void files_linkedFromThePage_areServedWithTheirTypeAndCachedForGoodAtTheirVersion() {
        List<String> names = new ArrayList<>();
        Matcher linked = LINKED.matcher(text(get("/", Map.of(), Map.of())));
        while (linked.find()) {
            String name = linked.group(2);
            names.add(name);
            HttpResponse file = get("/dashboard/" + name, Map.of("v", linked.group(3)), Map.of());
            assertThat(file.status()).as(name).isEqualTo(200);
            assertThat(file.headers().get("Content-Type")).as(name)
                    .isEqualTo(name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
            assertThat(file.headers()).as(name).containsEntry("Cache-Control", "public, max-age=31536000, immutable")
                    .containsEntry("ETag", "\"" + linked.group(3) + "\"");
        }
        assertThat(names).containsExactlyInAnyOrder("uplot.css", "app.css", "uplot.js", "app.js");
        assertThat(text(get("/dashboard/uplot.js", Map.of(), Map.of()))).contains("uPlot");
    }

    @Test
    void file_askedForWithoutItsCurrentVersion_isRevalidated() {
        assertThat(get("/dashboard/app.js", Map.of(), Map.of()).headers()).containsEntry("Cache-Control", "no-cache");
        assertThat(get("/dashboard/app.js", Map.of("v", "old"), Map.of()).headers())
                .containsEntry("Cache-Control", "no-cache");
    }

    @Test
    void file_ifNoneMatchNamesItsTag_answers304() {
        String etag = get("/dashboard/app.css", Map.of(), Map.of()).headers().get("ETag");

        assertThat(get("/dashboard/app.css", Map.of(), Map.of("if-none-match", etag)).status()).isEqualTo(304);
    }

    @Test
    void file_thePageDoesNotUse_is404() {
        for (String path : List.of("/dashboard/", "/dashboard/nope.js", "/dashboard/../app.js", "/dashboard/index.html")) {
            assertThat(get(path, Map.of(), Map.of()).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void pageAndFiles_chartLibraryIncluded_weighUnder150KB() {
        long bytes = get("/", Map.of(), Map.of()).body().length;
        for (String name : List.of("app.js", "app.css", "uplot.js", "uplot.css")) {
            bytes += get("/dashboard/" + name, Map.of(), Map.of()).body().length;
        }
        assertThat(bytes).isLessThan(150 * 1024);
    }

    private HttpResponse get(String path, Map<String, String> query, Map<String, String> headers) {
        HttpEndpoint endpoint = endpoints.stream().filter(e -> e.matches(path)).reduce((a, b) -> b).orElseThrow();
        return endpoint.handler().handle(new HttpRequest("GET", path, query, "HTTP/1.1", headers));
    }

    private static String text(HttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static List<HttpEndpoint> endpoints(Map<String, String> settings) {
        return new DashboardEndpointProvider().endpoints(new Settings(settings));
    }

    /** A server's context reduced to its settings: the dashboard reads nothing else. */
    private record Settings(Map<String, String> settings) implements EndpointContext {

        @Override
        public SnapshotSource source() {
            throw new UnsupportedOperationException("the dashboard reads no snapshots on the server");
        }

        @Override
        public int connectedClients() {
            return 0;
        }
    }
}
