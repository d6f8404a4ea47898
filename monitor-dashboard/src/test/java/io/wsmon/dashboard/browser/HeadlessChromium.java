package io.wsmon.dashboard.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A headless Chromium process with its DevTools port open; {@link #close()} ends it and its children. */
public final class HeadlessChromium implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://([^/]+)/");

    private final Process process;
    private final String devToolsHost;

    private HeadlessChromium(Process process, String devToolsHost) {
        this.process = process;
        this.devToolsHost = devToolsHost;
    }

    /**
     * Debian's Chromium, where installed.
     *
     * @return its path, or empty
     */
    public static Optional<Path> find() {
        return Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser")
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts Chromium headless with a fresh profile and waits for its DevTools port.
     *
     * @param executable the browser
     * @param profile an empty directory for its profile and its temporary files
     * @return the running browser
     * @throws Exception when it does not open its port within 60 s
     */
    public static HeadlessChromium start(Path executable, Path profile) throws Exception {
        Path temporary = Files.createDirectories(profile.resolve("tmp"));
        ProcessBuilder command = new ProcessBuilder(executable.toString(), "--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--remote-debugging-port=0", "--user-data-dir=" + profile.resolve("profile"),
                "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // its singleton socket goes to TMPDIR: inside the profile, so nothing is left behind in /tmp
        command.environment().put("TMPDIR", temporary.toString());
        Process process = command.start();
        CompletableFuture<String> host = new CompletableFuture<>();
        List<String> early = new ArrayList<>();
        Thread reader = new Thread(() -> readErrors(process, host, early), "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return new HeadlessChromium(process, host.get(60, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            synchronized (early) {
                throw new AssertionError("Chromium opened no DevTools port within 60 s; it said: " + early, e);
            }
        }
    }

    private static void readErrors(Process process, CompletableFuture<String> host, List<String> lines) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    host.complete(listening.group(1));
                }
                synchronized (lines) {
                    if (lines.size() < 200) {
                        lines.add(line);
                    }
                }
            }
        } catch (IOException e) {
            host.completeExceptionally(e);
        }
    }

    /**
     * Attaches to the browser's first tab.
     *
     * @return the tab, with its error, console and WebSocket reports turned on
     * @throws Exception when DevTools does not answer
     */
    public BrowserPage page() throws Exception {
        HttpResponse<String> targets = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + devToolsHost + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : new ObjectMapper().readTree(targets.body())) {
            if (target.path("type").asText().equals("page")) {
                return BrowserPage.attach(DevTools.connect(URI.create(target.get("webSocketDebuggerUrl").asText())));
            }
        }
        throw new AssertionError("Chromium has no page target: " + targets.body());
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
