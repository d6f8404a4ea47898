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
        assertThat(page.text("#alerts-active")).contains("WARNING");
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
    void page_everySectionOfTheSpec_getsACardWithItsValuesAndAChart() throws Exception {
        EverySection snapshots = new EverySection();
        snapshots.alerts();
        for (int i = 0; i < 3; i++) {
            snapshots.publish();
        }
        server = WebSocketServer.builder(snapshots.feed()).host("127.0.0.1").port(0).start();

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
        assertThat(page.text("#alerts-active")).contains("CRITICAL", "Critical GPU temperature", "WARNING", "/data");
        page.waitUntil("charts for CPU, memory, network, GPU and disk I/O",
                "document.querySelectorAll('#charts canvas').length >= 5", WAIT);

        snapshots.publish();
        page.waitUntil("the fourth tick", "document.getElementById('seq').textContent === '4'", WAIT);
        page.screenshot(SCREENSHOTS.resolve("every-section-wide-light.png"), 1280, "light");
        page.screenshot(SCREENSHOTS.resolve("every-section-narrow-dark.png"), 390, "dark");
        assertThat(page.evaluate("document.documentElement.scrollWidth").asInt()).as("width at 390 px").isLessThanOrEqualTo(390);
        assertThat(page.errors()).isEmpty();
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
