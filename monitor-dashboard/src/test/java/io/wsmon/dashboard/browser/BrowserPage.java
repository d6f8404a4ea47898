package io.wsmon.dashboard.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One browser tab: navigate, evaluate, wait for a condition inside the page, take screenshots. It records
 * every JavaScript error the page raises or logs, and the WebSocket frames it sends and receives.
 */
public final class BrowserPage implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DevTools devTools;
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<String> receivedTypes = new CopyOnWriteArrayList<>();

    private BrowserPage(DevTools devTools) {
        this.devTools = devTools;
    }

    static BrowserPage attach(DevTools devTools) throws Exception {
        BrowserPage page = new BrowserPage(devTools);
        devTools.onEvent(page::record);
        devTools.call("Runtime.enable", Map.of());
        devTools.call("Page.enable", Map.of());
        devTools.call("Network.enable", Map.of());
        return page;
    }

    private void record(JsonNode event) {
        JsonNode params = event.path("params");
        switch (event.path("method").asText()) {
            case "Runtime.exceptionThrown" -> {
                JsonNode details = params.path("exceptionDetails");
                errors.add("uncaught: " + details.path("exception").path("description").asText(details.path("text").asText())
                        + " at " + details.path("url").asText() + ":" + details.path("lineNumber").asInt());
            }
            case "Runtime.consoleAPICalled" -> {
                String type = params.path("type").asText();
                if (type.equals("error") || type.equals("assert")) {
                    StringBuilder text = new StringBuilder("console." + type + ":");
                    params.path("args").forEach(arg -> text.append(' ')
                            .append(arg.path("value").asText(arg.path("description").asText())));
                    errors.add(text.toString());
                }
            }
            case "Network.webSocketFrameSent" -> sent.add(params.path("response").path("payloadData").asText());
            case "Network.webSocketFrameReceived" -> receivedTypes.add(typeOf(params.path("response").path("payloadData").asText()));
            default -> {
                // other events are not needed
            }
        }
    }

    private static String typeOf(String payload) {
        try {
            return JSON.readTree(payload).path("type").asText();
        } catch (Exception e) {
            return "(not JSON)";
        }
    }

    /**
     * Opens a URL and waits until the document has loaded.
     *
     * @param url the address
     */
    public void navigate(String url) throws Exception {
        devTools.call("Page.navigate", Map.of("url", url));
        waitUntil("the page at " + url + " to load", "document.readyState === 'complete'", Duration.ofSeconds(30));
    }

    /**
     * Runs a script in every document this tab loads from now on, before the document's own scripts.
     *
     * @param script JavaScript
     */
    public void beforeEachDocument(String script) throws Exception {
        devTools.call("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    /**
     * Evaluates an expression in the page; a promise is awaited.
     *
     * @param expression JavaScript
     * @return its value, as JSON
     */
    public JsonNode evaluate(String expression) throws Exception {
        JsonNode result = devTools.call("Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("evaluating " + expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /**
     * The visible text of the first element a selector finds.
     *
     * @param selector a CSS selector
     * @return its {@code innerText}, or empty when none matches
     */
    public String text(String selector) throws Exception {
        return evaluate("(document.querySelector(" + JSON.writeValueAsString(selector) + ") || {innerText: ''}).innerText")
                .asText();
    }

    /**
     * Waits, inside the page, until a JavaScript condition holds; checked every 50 ms, bounded by a timeout.
     *
     * @param what what is awaited, for the failure message
     * @param condition a JavaScript expression
     * @param timeout how long at most
     * @throws AssertionError when it does not hold in time, with the page's text
     */
    public void waitUntil(String what, String condition, Duration timeout) throws Exception {
        String poll = "new Promise(resolve => { const end = Date.now() + " + timeout.toMillis() + ";"
                + " const check = () => { let held = false; try { held = !!(" + condition + "); } catch (e) { held = false; }"
                + " if (held) resolve(true); else if (Date.now() > end) resolve(false); else setTimeout(check, 50); };"
                + " check(); })";
        if (!evaluate(poll).asBoolean()) {
            throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; the page shows:\n"
                    + text("body"));
        }
    }

    /**
     * Renders the whole page at a width and colour scheme and saves it as PNG.
     *
     * @param file where to write
     * @param width the window width, in CSS pixels
     * @param scheme {@code light} or {@code dark}
     */
    public void screenshot(Path file, int width, String scheme) throws Exception {
        devTools.call("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
        devTools.call("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        // let the charts follow the new width: two frames
        evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))");
        double height = devTools.call("Page.getLayoutMetrics", Map.of()).path("cssContentSize").path("height").asDouble();
        JsonNode shot = devTools.call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.max(900, height), "scale", 1)));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    /**
     * The JavaScript errors so far: uncaught exceptions and {@code console.error} calls.
     *
     * @return each described
     */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /**
     * The WebSocket text frames the page sent.
     *
     * @return the payloads, oldest first
     */
    public List<String> framesSent() {
        return List.copyOf(sent);
    }

    /**
     * The {@code type} of each WebSocket message the page received.
     *
     * @return the types, oldest first
     */
    public List<String> typesReceived() {
        return List.copyOf(receivedTypes);
    }

    @Override
    public void close() {
        devTools.close();
    }
}
