package io.wsmon.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wsmon.api.Alert;
import io.wsmon.api.DiskInfo;
import io.wsmon.api.Monitor;
import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.alert.AlertRule;
import io.wsmon.core.testing.Await;
import io.wsmon.dashboard.browser.BrowserPage;
import io.wsmon.dashboard.browser.HeadlessChromium;
import io.wsmon.ws.server.WebSocketServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard as a user sees it: a real server on loopback serves the page, headless Chromium loads it,
 * and the test reads what the page shows against the snapshots the service made. Screenshots at a wide
 * and a phone width, light and dark, are kept in {@code target/dashboard-screenshots}. Any JavaScript
 * error the page raises or logs fails the test.
 */
class DashboardInBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CONNECTED = "document.getElementById('conn').classList.contains('ok')";

    /**
     * Run before the page's scripts: keeps each uPlot chart the page makes in {@code window.plots}, so the
     * test can read the points a chart holds and how far it was drawn.
     */
    private static final String KEEP_CHARTS = "(() => { window.plots = []; let kept;"
            + " Object.defineProperty(window, 'uPlot', { configurable: true, get: () => kept,"
            + " set: real => { kept = Object.assign(function (...args) {"
            + " const u = new real(...args); window.plots.push(u); return u; }, real); } }); })()";

    /** Run before the page's scripts: notes in {@code window.sockets} when, by the page's clock, it opened each WebSocket. */
    private static final String NOTE_SOCKETS = "window.sockets = []; window.WebSocket = class extends WebSocket {"
            + " constructor(...args) { super(...args); window.sockets.push(performance.now()); } }";

    /** The chart titled CPU as {@code points/drawn}: how many points it holds, and whether its newest one is drawn. */
    private static final String CPU_CHART = "(() => { const u = " + chart("CPU") + "; if (!u) return 'none';"
            + " const x = u.data[0]; return x.length + '/' + (u.scales.x.max === x[x.length - 1] ? 'drawn' : 'behind'); })()";

    @TempDir
    Path profile;

    private MonitoringService service;
    private WebSocketServer server;
    private HeadlessChromium chromium;
    private BrowserPage page;

    @BeforeEach
    void start() throws Exception {
        Optional<Path> executable = HeadlessChromium.find();
        assumeTrue(executable.isPresent(), "needs Chromium at /usr/bin/chromium (Debian: chromium; .ci/run installs it)");
        chromium = HeadlessChromium.start(executable.get(), profile);
        page = chromium.page();
    }

    @AfterEach
    void stop() throws Exception {
        if (page != null) {
            page.close();
        }
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void page_onTheServersPort_showsEverySectionUpdatesAndShowsANewAlert() throws Exception {
        server = serve(0, null);
        page.navigate(base() + "/");
        page.waitUntil("the page to connect", CONNECTED, WAIT);
        Await.until("the first snapshot", () -> service.currentSnapshot().isPresent());
        Snapshot snapshot = service.currentSnapshot().orElseThrow();

        String hostname = snapshot.system().orElseThrow().hostname();
        page.waitUntil("the host name", "document.getElementById('hostname').textContent === " + js(hostname), WAIT);
        assertThat(page.text("#os")).contains(snapshot.system().orElseThrow().osName());
        for (String section : snapshot.sections().keySet()) {
            String card = section.equals("disk") ? "disks" : section;
            page.waitUntil("a card for " + section, "document.querySelector('[data-section=" + card + "]')", WAIT);
        }
        assertThat(page.evaluate("document.querySelectorAll('[data-section=processor] .core').length").asInt())
                .isEqualTo(snapshot.processor().orElseThrow().perCoreUsage().size());
        assertThat(page.text("[data-section=memory]")).contains("of " + bytes(snapshot.memory().orElseThrow().total()));
        for (DiskInfo disk : snapshot.disks()) {
            assertThat(page.text("[data-section=disks]")).contains(disk.path());
        }
        assertThat(fields("queue")).contains("depth = 42", "consumer = orders");

        long seq = Long.parseLong(page.text("#seq"));
        page.waitUntil("a newer tick than " + seq, "Number(document.getElementById('seq').textContent) > " + seq, WAIT);
        page.waitUntil("the CPU, memory and network charts", "document.querySelectorAll('#charts canvas').length >= 3", WAIT);
        assertThat(page.framesSent()).anySatisfy(frame -> assertThat(frame).contains("\"get_history\""));
        assertThat(page.typesReceived()).contains("connection", "monitoring_data", "history");

        service.alerts().setRule(AlertRule.above("memory", "usage_percent").warning(1));
        Alert raised = awaitAlert("memory");
        page.waitUntil("the alert's message among the active alerts",
                "document.getElementById('alerts-active').innerText.includes(" + js(raised.message()) + ")", WAIT);
        assertThat(page.text("#alerts-active")).contains("⚠ WARNING");
        assertThat(page.text("#alerts-recent")).contains("⚠ WARNING", raised.message());
        page.waitUntil("the memory card to say WARNING",
                "document.querySelector('[data-section=memory] .badge').textContent.includes('WARNING')", WAIT);

        for (String scheme : List.of("light", "dark")) {
            page.screenshot(SCREENSHOTS.resolve("wide-" + scheme + ".png"), 1280, scheme);
            page.screenshot(SCREENSHOTS.resolve("narrow-" + scheme + ".png"), 390, scheme);
            assertThat(page.evaluate("document.documentElement.scrollWidth").asInt()).as("width at 390 px").isLessThanOrEqualTo(390);
        }
        assertThat(page.errors()).isEmpty();
    }

    @Test
    void page_whenTheServerRestarts_reconnectsByItselfAndRefillsItsCharts() throws Exception {
        server = serve(0, null);
        page.navigate(base() + "/");
        page.waitUntil("the page to connect", CONNECTED, WAIT);
        page.waitUntil("the charts", "document.querySelectorAll('#charts canvas').length >= 3", WAIT);
        // the charts appear with the first snapshot, before the history the page then asks for: let it arrive
        Await.until("the first history reply", WAIT, () -> page.typesReceived().contains("history"));
        int port = server.port();

        server.close();
        page.waitUntil("the page to see the server gone", "document.getElementById('conn').classList.contains('down')", WAIT);
        server = serve(port, null);

        page.waitUntil("the page to reconnect", CONNECTED, WAIT);
        Await.until("a second history reply", WAIT, () -> page.typesReceived().stream().filter("history"::equals).count() >= 2);
        assertThat(page.framesSent().stream().filter(frame -> frame.contains("\"get_history\""))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(page.errors()).isEmpty();
    }

    @Test
    void page_withATokenInItsUrl_connectsWithItAndTakesItOutOfTheAddressBar() throws Exception {
        server = serve(0, "s3cret");

        page.navigate(base() + "/?token=s3cret");

        page.waitUntil("the page to connect with the token", CONNECTED, WAIT);
        assertThat(page.evaluate("location.search").asText()).isEmpty();
        assertThat(page.evaluate("document.getElementById('raw').href").asText()).endsWith("/api/snapshot?token=s3cret");
        Await.until("the first snapshot, without which /api/snapshot is 503", WAIT, () -> service.currentSnapshot().isPresent());
        assertThat(page.evaluate("fetch(document.getElementById('raw').href).then(answer => answer.status)").asInt())
                .as("the API through the page's link").isEqualTo(200);
        assertThat(page.evaluate("fetch('/api/snapshot').then(answer => answer.status)").asInt())
                .as("the API without the token").isEqualTo(403);
        assertThat(page.errors()).isEmpty();
    }

    @Test
    void page_withoutTheTokenTheServerWants_asksForItAndConnectsWithTheAnswer() throws Exception {
        server = serve(0, "s3cret");

        page.navigate(base() + "/");
        page.waitUntil("the token form", "!document.getElementById('token-form').hidden", WAIT);
        page.evaluate("document.getElementById('token-input').value = 's3cret';"
                + " document.getElementById('token-form').requestSubmit(); true");

        page.waitUntil("the page to connect with the token typed in", CONNECTED, WAIT);
        assertThat(page.errors()).isEmpty();
    }

    @Test
    void page_withAWrongTokenInItsUrl_saysItWasRefusedAndConnectsWithTheOneTypedIn() throws Exception {
        server = serve(0, "s3cret");

        page.navigate(base() + "/?token=wrong");
        page.waitUntil("the token form", "!document.getElementById('token-form').hidden", WAIT);
        assertThat(page.text("#token-msg")).isEqualTo("The server refused this token. Enter the right one:");
        assertThat(page.text("#conn")).isEqualTo("Access token needed");
        page.evaluate("document.getElementById('token-input').value = 's3cret';"
                + " document.getElementById('token-form').requestSubmit(); true");

        page.waitUntil("the page to connect with the token typed in", CONNECTED, WAIT);
        assertThat(page.evaluate("document.getElementById('raw').href").asText()).endsWith("/api/snapshot?token=s3cret");
        assertThat(page.errors()).isEmpty();
    }

    @Test
    void page_everySectionOfTheSpec_getsACardWithItsValuesAndAChart() throws Exception {
        EverySection snapshots = new EverySection();
        snapshots.alerts();
        for (int i = 0; i < 3; i++) {
            snapshots.publish();
        }
        server = serve(snapshots, 0);

        page.navigate(base() + "/");
        page.waitUntil("the page to connect", CONNECTED, WAIT);
        page.waitUntil("the custom section", "document.querySelector('[data-section=orders]')", WAIT);

        assertThat(page.text("#hostname")).isEqualTo("handmade-host");
        assertThat(page.text("#uptime")).isEqualTo("1 d 2 h");
        assertThat(fields("processor")).contains("Cores = 2 physical, 4 logical", "Load average = 0.5 · 0.4 · 0.3",
                "Time split = user 3.1% · system 1.2% · iowait 0.4%");
        assertThat(fields("memory")).contains("Used = 8.0 GiB of 16.0 GiB", "Swap = 512.0 MiB of 2.0 GiB (25.0 %)");
        assertThat(fields("disks")).contains("Used = 440.0 GiB of 500.0 GiB (88.0 %)", "Inodes used = 10.0 %");
        assertThat(fields("network")).contains("↓ Receiving = 1.0 MiB/s", "↑ Sending = 2.0 KiB/s");
        assertThat(fields("gpu")).contains("Temperature = 65 °C", "Temperature = 91 °C", "Power = 220.5 W of 700 W",
                "Memory = 70.0 GiB of 141.0 GiB (49.6 %)");
        assertThat(page.text("[data-section=gpu]")).contains("GPU 0 · NVIDIA H200", "GPU 1 · NVIDIA H200");
        assertThat(page.text("[data-section=processes]")).contains("java", "1234", "12.5 %");
        assertThat(fields("processes")).contains("Processes = 250 total · 2 running · 240 sleeping · 0 zombie");
        assertThat(fields("disk_io")).contains("Read = 4.0 KiB/s", "Write = 8.0 KiB/s");
        assertThat(page.text("[data-section=disk_io]")).contains("vda", "3.5 %");
        assertThat(page.text("[data-section=sensors]")).contains("coretemp Package id 0", "45 °C", "900 rpm");
        assertThat(fields("container")).contains("cgroup = v2", "Memory = 1.0 GiB of 4.0 GiB (25.0 %)",
                "CPU limit = 2 cores", "Throttled = 12 periods, 0.5 s");
        assertThat(page.text("[data-section=pressure]")).contains("memory full", "1.5 %");
        assertThat(fields("jvm")).contains("Heap = 64.0 MiB of 1.0 GiB", "Leak suspected = no");
        assertThat(fields("orders")).contains("pending = 7", "nested.oldest_seconds = 12.5", "workers[w1].busy = yes");
        assertThat(page.text("[data-section=gpu] .badge")).isEqualTo("✖ CRITICAL");
        assertThat(page.text("[data-section=disks] .badge")).isEqualTo("⚠ WARNING");
        assertThat(page.text("#alerts-active")).contains("✖ CRITICAL", "Critical GPU temperature", "⚠ WARNING", "/data");
        assertThat(page.text("#alerts-recent")).contains("✖ CRITICAL", "⚠ WARNING", "High disk usage: 88.0% (threshold: 85.0%)");
        assertThat(List.of(background("#alerts-active .lvl-CRITICAL"), background("#alerts-active .lvl-WARNING"),
                background("[data-section=memory]"))).as("backgrounds of a critical alert, a warning, a card").doesNotHaveDuplicates();
        page.waitUntil("charts for CPU, memory, network, GPU and disk I/O",
                "document.querySelectorAll('#charts canvas').length >= 5", WAIT);

        snapshots.publish();
        page.waitUntil("the fourth tick", "document.getElementById('seq').textContent === '4'", WAIT);
        page.screenshot(SCREENSHOTS.resolve("every-section-wide-light.png"), 1280, "light");
        assertThat(cardColumns()).as("columns of cards at 1280 px").isGreaterThanOrEqualTo(3);
        String light = background("body");
        page.screenshot(SCREENSHOTS.resolve("every-section-narrow-dark.png"), 390, "dark");
        assertThat(cardColumns()).as("columns of cards at 390 px").isEqualTo(1);
        assertThat(page.evaluate("document.documentElement.scrollWidth").asInt()).as("width at 390 px").isLessThanOrEqualTo(390);
        String dark = background("body");
        assertThat(brightness(dark)).as("the dark background %s against the light %s", dark, light).isLessThan(brightness(light) / 2);
        assertThat(page.errors()).isEmpty();
    }

    @Test
    void page_onLoad_showsTheLatestSnapshotWithinOneSecondAndFetchesNothingFromElsewhere() throws Exception {
        EverySection snapshots = new EverySection();
        snapshots.publish();
        server = serve(snapshots, 0);

        page.navigate(base() + "/");

        // no tick follows the one published: what the page shows came with its connection
        double shown = page.evaluate("new Promise(resolve => { const end = performance.now() + 30000; const check = () =>"
                + " document.getElementById('hostname').textContent === 'handmade-host'"
                + " && document.querySelectorAll('#cards [data-section]').length === 13"
                + " ? resolve(Math.max(0, performance.now() - performance.getEntriesByType('navigation')[0].loadEventEnd))"
                + " : performance.now() > end ? resolve(-1) : setTimeout(check, 10); check(); })").asDouble();
        assertThat(shown).as("ms from the load event to the host name and the 13 cards (-1: not in 30 s)").isBetween(0.0, 1000.0);
        assertThat(page.text("#os")).isEqualTo("Linux · 6.1.0 · amd64");
        assertThat(page.text("#uptime")).isEqualTo("1 d 2 h");
        List<String> fetched = new ArrayList<>();
        page.evaluate("performance.getEntriesByType('resource').map(entry => entry.name)").forEach(url -> fetched.add(url.asText()));
        assertThat(fetched).hasSize(4).allSatisfy(url -> assertThat(url).startsWith(base() + "/dashboard/"));
        assertThat(page.errors()).isEmpty();
    }

    @Test
    void page_charts_areFilledFromHistoryOnConnectThenGrowAtEveryTickWithoutRebuildingTheCards() throws Exception {
        EverySection snapshots = new EverySection();
        for (int i = 0; i < 3; i++) {
            snapshots.publish();
        }
        server = serve(snapshots, 0);
        page.beforeEachDocument(KEEP_CHARTS);

        page.navigate(base() + "/");

        // only the newest snapshot came with the connection: the other two points are the history's
        page.waitUntil("the CPU chart to draw the three snapshots of the history", CPU_CHART + " === '3/drawn'", WAIT);
        page.evaluate("window.added = 0; new MutationObserver(records => records.forEach(r => window.added"
                + " += r.addedNodes.length + r.removedNodes.length)).observe(document.getElementById('cards'),"
                + " { childList: true, subtree: true }); true");
        snapshots.publish();
        page.waitUntil("the CPU chart to draw the fourth tick", CPU_CHART + " === '4/drawn'", WAIT);
        assertThat(page.text("#seq")).isEqualTo("4");
        assertThat(page.evaluate("window.added").asInt()).as("elements added to or removed from the cards by a tick").isZero();
        // the byte axes have room for five characters: "1000 B" was drawn as "000 B"
        assertThat(page.evaluate(chart("Network") + ".axes[1].values(null, [0, 500, 999.7, 1000, 1024, 999000, 1536000]).join(' | ')")
                .asText()).isEqualTo("0 B | 500 B | 1.0K | 1.0K | 1.0K | 976K | 1.5M");
        assertThat(page.errors()).isEmpty();
    }

    @Test
    void page_whileTheServerIsAway_retriesAfterGrowingPausesThenRefillsItsChartsFromTheNewServer() throws Exception {
        EverySection before = new EverySection();
        for (int i = 0; i < 3; i++) {
            before.publish();
        }
        server = serve(before, 0);
        int port = server.port();
        page.beforeEachDocument(KEEP_CHARTS);
        page.beforeEachDocument(NOTE_SOCKETS);
        page.navigate(base() + "/");
        page.waitUntil("the CPU chart to draw the first server's history", CPU_CHART + " === '3/drawn'", WAIT);

        server.close();
        // the second attempt has failed once the page is down again; a socket only just made may still connect
        page.waitUntil("two failed attempts to reconnect",
                "window.sockets.length >= 3 && document.getElementById('conn').classList.contains('down')", WAIT);
        EverySection after = new EverySection();
        for (int i = 0; i < 5; i++) {
            after.publish();
        }
        server = serve(after, port);

        page.waitUntil("the page to reconnect", CONNECTED, WAIT);
        page.waitUntil("the CPU chart to hold the new server's history instead of the old one's", CPU_CHART + " === '5/drawn'", WAIT);
        List<Double> opened = new ArrayList<>();
        page.evaluate("window.sockets").forEach(at -> opened.add(at.asDouble()));
        // the pauses are 1, 2, 4, 8, then 15 s, each ±20 %; a busy machine can only lengthen them
        assertThat(opened.get(2) - opened.get(1)).as("ms between the first and the second attempt").isGreaterThanOrEqualTo(1600);
        assertThat(opened.get(3) - opened.get(2)).as("ms between the second and the third attempt").isGreaterThanOrEqualTo(3200);
        assertThat(page.errors()).isEmpty();
    }

    private WebSocketServer serve(EverySection snapshots, int port) throws IOException {
        return WebSocketServer.builder(snapshots.feed()).host("127.0.0.1").port(port).start();
    }

    private WebSocketServer serve(int port, String token) throws IOException {
        if (service == null) {
            service = MonitoringService.builder().interval(Duration.ofMillis(500)).monitor(new QueueMonitor()).start();
        }
        var builder = WebSocketServer.builder(service).host("127.0.0.1").port(port);
        if (token != null) {
            builder.token(token);
        }
        return builder.start();
    }

    /** A card's rows as "label = value". */
    private List<String> fields(String section) throws Exception {
        List<String> fields = new ArrayList<>();
        page.evaluate("[...document.querySelectorAll('[data-section=" + section + "] .row')]"
                + ".map(row => row.children[0].textContent + ' = ' + row.children[1].textContent)")
                .forEach(field -> fields.add(field.asText()));
        return fields;
    }

    /** The uPlot chart on the page with a title, kept by {@link #KEEP_CHARTS}; undefined when there is none. */
    private static String chart(String title) {
        return "window.plots.find(p => p.root.isConnected && p.root.closest('.chart').querySelector('h2').textContent === "
                + js(title) + ")";
    }

    /** How many columns the section cards stand in. */
    private int cardColumns() throws Exception {
        return page.evaluate("new Set([...document.querySelectorAll('#cards > .card')].map(card => card.offsetLeft)).size").asInt();
    }

    /** The computed background colour of the first element a selector finds, as {@code rgb(r, g, b)}. */
    private String background(String selector) throws Exception {
        return page.evaluate("getComputedStyle(document.querySelector(" + js(selector) + ")).backgroundColor").asText();
    }

    /** The sum of a colour's red, green and blue, from {@code rgb(r, g, b)}. */
    private static int brightness(String rgb) {
        return Arrays.stream(rgb.replaceAll("[^0-9,]", "").split(",")).limit(3).mapToInt(Integer::parseInt).sum();
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private Alert awaitAlert(String component) {
        Await.until("an active " + component + " alert",
                () -> service.activeAlerts().stream().anyMatch(a -> a.component().equals(component)));
        return service.activeAlerts().stream().filter(a -> a.component().equals(component)).findFirst().orElseThrow();
    }

    private static String js(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** The page's byte format: binary units, one decimal from KiB up. */
    private static String bytes(long n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = n;
        int i = 0;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return i == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }

    /** A custom monitor, as a user would add one: its section has no card of its own. */
    private static final class QueueMonitor implements Monitor<Map<String, Object>> {

        @Override
        public String name() {
            return "queue";
        }

        @Override
        public Map<String, Object> collect() {
            return Map.of("depth", 42, "consumer", "orders");
        }
    }
}
