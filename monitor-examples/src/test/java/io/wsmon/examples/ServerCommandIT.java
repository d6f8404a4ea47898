package io.wsmon.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executable jar, run as an operator runs it. Every server listens on loopback only. */
class ServerCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STOP_BUDGET = Duration.ofSeconds(5);
    private static final String LOOPBACK = "127.0.0.1";

    @TempDir
    Path dir;

    private static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void defaults_serveTheProtocolWithSpecDefaults_andLogOneLine() throws Exception {
        try (ServerProcess server = ServerProcess.start("--host", LOOPBACK, "--port", "0");
                WsClient client = WsClient.connect(server.awaitListening())) {
            JsonNode welcome = client.next("connection");
            JsonNode data = client.next("monitoring_data");

            assertThat(welcome.get("interval").asDouble()).isEqualTo(0.5);
            assertThat(data.get("data").fieldNames()).toIterable()
                    .contains("processor", "memory", "disk", "disks", "system", "network", "jvm");
            assertThat(data.get("data").get("disk").get("path").asText()).isEqualTo("/");
            JsonNode status = get(server.awaitListening(), "/api/status");
            assertThat(status.get("max_clients").asInt()).isEqualTo(1000);
            assertThat(server.stderr()).filteredOn(l -> l.contains("listening on")).singleElement()
                    .asString().contains("ws://127.0.0.1:", "collecting processor, memory, disk, system, network, jvm");
        }
    }

    @Test
    void flags_intervalMaxClientsDiskPathAndDisplay_takeEffect() throws Exception {
        try (ServerProcess server = ServerProcess.start("--host", LOOPBACK, "--port", "0", "--interval", "0.2",
                "--max-clients", "1", "--disk-path", "/", "--disk-path", dir.toString(), "--display", "compact")) {
            int port = server.awaitListening();
            try (WsClient first = WsClient.connect(port); WsClient second = WsClient.connect(port)) {
                assertThat(first.next("connection").get("interval").asDouble()).isEqualTo(0.2);
                JsonNode disks = first.next("monitoring_data").get("data").get("disks");
                assertThat(disks).extracting(d -> d.get("path").asText()).containsExactly("/", dir.toString());
                assertThat(second.awaitClose()).isEqualTo(1008);
            }
            assertThat(server.waitForOutput("| MEM ", Duration.ofSeconds(10))).isTrue();
            assertThat(server.stdout()).allSatisfy(line -> assertThat(line).doesNotContain("\033"));
        }
    }

    @Test
    void flags_tokenAndAllowedOrigin_guardTheHandshake() throws Exception {
        try (ServerProcess server = ServerProcess.start("--host", LOOPBACK, "--port", "0", "--token", "s3cret",
                "--allowed-origin", "http://dash.example")) {
            int port = server.awaitListening();
            HttpResponse<String> withoutToken = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(withoutToken.statusCode()).isEqualTo(403);

            try (WsClient client = WsClient.connect("ws://127.0.0.1:" + port + "/?token=s3cret")) {
                assertThat(client.next("connection").get("status").asText()).isEqualTo("connected");
            }
            assertThat(refusedUpgrade(port, "?token=wrong", null)).isEqualTo(403);
            assertThat(refusedUpgrade(port, "?token=s3cret", "http://evil.example")).isEqualTo(403);
            assertThat(refusedUpgrade(port, "?token=s3cret", "http://dash.example")).isEqualTo(101);
        }
    }

    @Test
    void dashboard_servedAtTheRootWithoutTheToken_andLeftOutWithNoDashboard() throws Exception {
        try (ServerProcess server = ServerProcess.start("--host", LOOPBACK, "--port", "0", "--token", "s3cret")) {
            int port = server.awaitListening();
            HttpResponse<String> page = plainGet(port, "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            String script = page.body().replaceAll("(?s).*src=\"(/dashboard/app\\.js\\?v=[0-9a-f]+)\".*", "$1");
            assertThat(plainGet(port, script).statusCode()).as(script).isEqualTo(200);
            assertThat(refusedUpgrade(port, "?token=s3cret", null)).isEqualTo(101);
        }
        try (ServerProcess server = ServerProcess.start("--host", LOOPBACK, "--port", "0", "--no-dashboard")) {
            assertThat(plainGet(server.awaitListening(), "/").statusCode()).isEqualTo(426);
        }
    }

    private static HttpResponse<String> plainGet(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A raw handshake, to see the status code the JDK client hides. */
    private static int refusedUpgrade(int port, String query, String origin) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            String request = "GET /" + query + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void exportDirAndCompress_writeAGzipFileThatIsFlushedOnStop() throws Exception {
        Path export = dir.resolve("export");
        try (ServerProcess server = ServerProcess.start("--host", LOOPBACK, "--port", "0", "--export-dir",
                export.toString(), "--compress", "--no-gpu")) {
            server.awaitListening();
            server.terminate();
            assertThat(server.awaitExit(STOP_BUDGET)).isZero();
            assertThat(server.stderr()).noneMatch(l -> l.contains("monitor 'gpu'"));
        }
        try (Stream<Path> files = Files.list(export)) {
            Path file = files.findFirst().orElseThrow();
            assertThat(file.getFileName().toString()).matches("monitoring_\\d{8}\\.json\\.gz");
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
                assertThat(JSON.readTree(in).get("type").asText()).isEqualTo("monitoring_data");
            }
        }
    }

    @Test
    void precedence_flagOverEnvironmentOverConfigFile() throws Exception {
        Path config = Files.writeString(dir.resolve("wsmon.properties"),
                "host=127.0.0.1\nport=0\ninterval=3\nmax_clients=7\nhistory_size=5\n");
        try (ServerProcess server = ServerProcess.start(Map.of("WSMON_INTERVAL", "2", "WSMON_MAX_CLIENTS", "9"),
                "--config", config.toString(), "--max-clients", "11")) {
            int port = server.awaitListening();
            try (WsClient client = WsClient.connect(port)) {
                assertThat(client.next("connection").get("interval").asDouble()).isEqualTo(2.0);
            }
            assertThat(get(port, "/api/status").get("max_clients").asInt()).isEqualTo(11);
        }
    }

    @Test
    void badFlagValue_exitsTwoWithTheReasonAndTheUsage() throws Exception {
        try (ServerProcess server = ServerProcess.start("--port", "http")) {
            assertThat(server.awaitExit(Duration.ofSeconds(20))).isEqualTo(2);
            assertThat(server.stderr()).first().asString()
                    .isEqualTo("monitoring-websocket-server: --port: must be a whole number from 0 to 65535, got 'http'");
            assertThat(server.stderr()).anyMatch(l -> l.startsWith("usage: monitoring-websocket-server"));
        }
    }

    @Test
    void badConfigKeyAndBadEnvironment_exitTwoNamingThem() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.properties"), "prot=1\n");
        try (ServerProcess badFile = ServerProcess.start("--config", config.toString());
                ServerProcess badEnv = ServerProcess.start(Map.of("WSMON_PORT", "-5"))) {
            assertThat(badFile.awaitExit(Duration.ofSeconds(20))).isEqualTo(2);
            assertThat(badEnv.awaitExit(Duration.ofSeconds(20))).isEqualTo(2);
            assertThat(badFile.stderr()).first().asString().contains("config file " + config + ": unknown key 'prot'");
            assertThat(badEnv.stderr()).first().asString().contains("WSMON_PORT: must be a whole number");
        }
    }

    @Test
    void portInUse_exitsOneWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
                ServerProcess server = ServerProcess.start("--host", LOOPBACK, "--port",
                        String.valueOf(taken.getLocalPort()))) {
            assertThat(server.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
            assertThat(server.stderr()).anyMatch(l -> l.startsWith("monitoring-websocket-server: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort()));
        }
    }

    @Test
    void serviceFiles_listNoExampleExtension() throws Exception {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(ServerProcess.JAR.toFile())) {
            for (String type : java.util.List.of("Exporter", "Monitor", "AlertHandler")) {
                java.util.zip.ZipEntry entry = jar.getEntry("META-INF/services/io.wsmon.api." + type);
                if (entry != null) {
                    assertThat(new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8))
                            .as(entry.getName()).doesNotContain("io.wsmon.examples");
                }
            }
        }
    }

    @Test
    void helpAndVersion_printAndExitZero() throws Exception {
        try (ServerProcess help = ServerProcess.start("--help"); ServerProcess version = ServerProcess.start("--version")) {
            assertThat(help.awaitExit(Duration.ofSeconds(20))).isZero();
            assertThat(version.awaitExit(Duration.ofSeconds(20))).isZero();
            assertThat(help.stdout()).anyMatch(l -> l.contains("--max-clients N"))
                    .anyMatch(l -> l.contains("WSMON_ALERT_COOLDOWN"));
            assertThat(version.stdout()).singleElement().asString().matches("monitoring-websocket-server \\S+");
        }
    }

    @Test
    void sigterm_withAConnectedClient_closesItWith1001AndExitsZeroWithinFiveSeconds() throws Exception {
        try (ServerProcess server = ServerProcess.start("--host", LOOPBACK, "--port", "0");
                WsClient client = WsClient.connect(server.awaitListening())) {
            client.next("monitoring_data");
            long began = System.nanoTime();

            server.terminate();

            assertThat(client.awaitClose()).isEqualTo(1001);
            assertThat(server.awaitExit(STOP_BUDGET)).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(STOP_BUDGET);
            assertThat(server.stderr()).anyMatch(l -> l.contains("stopping: closing 1 clients"));
        }
    }


    @Test
    void alertThresholdsFromTheEnvironment_raiseAlertsThatRideInMonitoringData() throws Exception {
        // no cooldown: every tick raises the alert again, so the client sees it whenever it connects
        try (ServerProcess server = ServerProcess.start(Map.of("WSMON_MEMORY_WARNING", "0.1", "WSMON_MEMORY_CRITICAL", "100",
                        "WSMON_ALERT_COOLDOWN", "0"),
                "--host", LOOPBACK, "--port", "0");
                WsClient client = WsClient.connect(server.awaitListening())) {
            JsonNode welcome = client.next("connection");
            JsonNode withAlert = client.next("monitoring_data");
            for (int ticks = 1; ticks < 5 && !withAlert.has("alerts"); ticks++) {
                withAlert = client.next("monitoring_data");
            }
            assertThat(withAlert.has("alerts")).as("an alert within 5 ticks").isTrue();

            JsonNode alert = withAlert.get("alerts").get(0);
            assertThat(alert.get("component").asText()).isEqualTo("memory");
            assertThat(alert.get("level").asText()).isEqualTo("WARNING");
            assertThat(alert.get("message").asText()).startsWith("High memory usage: ").endsWith("(threshold: 0.1%)");
            assertThat(welcome.has("active_alerts")).isTrue();
        }
    }

    @Test
    void alertWebhookSetting_postsTheAlertToTheUrl_andAMisconfiguredHandlerIsLeftOutWithOneWarning() throws Exception {
        BlockingQueue<String> posted = new LinkedBlockingQueue<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0), 0);
        hook.createContext("/hook", exchange -> {
            posted.add(exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        try (ServerProcess server = ServerProcess.start(Map.of("WSMON_MEMORY_WARNING", "0.1", "WSMON_MEMORY_CRITICAL", "100"),
                "--host", LOOPBACK, "--port", "0", "--no-gpu",
                "--set", "alert.webhook.url=http://127.0.0.1:" + hook.getAddress().getPort() + "/hook",
                "--set", "alert.slack.url=hooks.slack.com/services/T/B/X")) {
            server.awaitListening();

            JsonNode alert = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (alert == null && System.nanoTime() < deadline) {
                String request = posted.poll(1, TimeUnit.SECONDS);
                if (request != null && request.startsWith("application/json {")) {
                    JsonNode body = JSON.readTree(request.substring(request.indexOf('{')));
                    alert = body.get("component").asText().equals("memory") ? body : null;
                }
            }

            assertThat(alert).as("a memory alert POSTed to the webhook within 30 s").isNotNull();
            assertThat(alert.get("level").asText()).isEqualTo("WARNING");
            assertThat(alert.get("message").asText()).startsWith("High memory usage: ").endsWith("(threshold: 0.1%)");
            assertThat(server.waitForOutput("alert handler 'slack' is left out", Duration.ofSeconds(10))).isTrue();
            assertThat(server.stderr()).filteredOn(l -> l.contains("alert handler")).singleElement().asString()
                    .contains("WARN", "alert handler 'slack' is left out: alert.slack.url: must start with http:// "
                            + "or https://, got 'hooks.slack.com/services/T/B/X'");
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void ctrlC_stopsCleanlyWithExitZero() throws Exception {
        try (ServerProcess server = ServerProcess.start("--host", LOOPBACK, "--port", "0")) {
            server.awaitListening();
            assumeFalse(ignoresSigint(server.pid()), "the server inherited SIGINT as ignored (the build runs"
                    + " in the background of a non-interactive shell, or under nohup), and a JVM leaves an ignored"
                    + " SIGINT ignored, so Ctrl-C cannot reach it here");

            Process interrupt = new ProcessBuilder("kill", "-INT", String.valueOf(server.pid())).start();

            assertThat(interrupt.waitFor()).isZero();
            assertThat(server.awaitExit(STOP_BUDGET)).isZero();
        }
    }

    /** Whether a process ignores SIGINT, from the {@code SigIgn} mask of {@code /proc/PID/status}. */
    private static boolean ignoresSigint(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                return (ignored & (1L << (2 - 1))) != 0; // SIGINT is signal 2
            }
        }
        return false;
    }

    @Test
    void launcherScript_runsTheJar() throws Exception {
        Process launcher = new ProcessBuilder(Path.of("..", "bin", "monitoring-websocket-server").toString(), "--version")
                .redirectErrorStream(true).start();
        String output = new String(launcher.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(launcher.waitFor()).isZero();
        assertThat(output.strip()).matches("monitoring-websocket-server \\S+");
    }

    @Test
    void launcherScript_passesExitOnOutOfMemoryErrorFirst_withItsDefaultsAndWithJavaOpts() throws Exception {
        // an unusable cache directory: no class-data archive is made beside the server
        for (Map<String, String> environment : List.of(Map.of("XDG_CACHE_HOME", "/dev/null/cache"),
                Map.of("XDG_CACHE_HOME", "/dev/null/cache", "JAVA_OPTS", "-Xmx128m"))) {
            try (ServerProcess server = ServerProcess.launch(Path.of("..", "bin", "monitoring-websocket-server"),
                    environment, "--host", LOOPBACK, "--port", "0")) {
                server.awaitListening();
                List<String> jvmArguments = ProcessHandle.of(server.pid()).flatMap(java -> java.info().arguments())
                        .map(List::of).orElseThrow();

                assertThat(jvmArguments).as("the JVM's arguments with %s", environment).contains("-XX:+ExitOnOutOfMemoryError");
                assertThat(jvmArguments.indexOf("-XX:+ExitOnOutOfMemoryError")).as("before the jar and its arguments")
                        .isLessThan(jvmArguments.indexOf("-jar"));
            }
        }
    }
}
