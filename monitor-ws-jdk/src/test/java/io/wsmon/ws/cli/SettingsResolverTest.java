package io.wsmon.ws.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsResolverTest {

    @TempDir
    Path dir;

    private static ServerSettings run(Map<String, String> env, String... args) throws UsageException {
        Invocation invocation = SettingsResolver.resolve(args, env);
        assertThat(invocation.action()).isEqualTo(Invocation.Action.RUN);
        return invocation.settings();
    }

    private Path config(String text) throws IOException {
        return Files.writeString(dir.resolve("wsmon.properties"), text);
    }

    @Test
    void noFlags_giveTheDefaultsOfSpecSection7() throws UsageException {
        ServerSettings s = run(Map.of());

        assertThat(s.host()).isEqualTo("0.0.0.0");
        assertThat(s.port()).isEqualTo(8765);
        assertThat(s.maxClients()).isEqualTo(1000);
        assertThat(s.sendTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.historySize()).isEqualTo(1000);
        assertThat(s.historyTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(s.diskPaths()).containsExactly(Path.of("/"));
        assertThat(s.gpu()).isTrue();
        assertThat(s.exportDir()).isNull();
        assertThat(s.exportInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.exportCompress()).isFalse();
        assertThat(s.alertCooldown()).isEqualTo(Duration.ofSeconds(300));
        assertThat(List.of(s.memoryWarning(), s.memoryCritical(), s.diskWarning(), s.diskCritical()))
                .containsExactly(80.0, 90.0, 85.0, 95.0);
        assertThat(List.of(s.diskFreeWarningGb(), s.diskFreeCriticalGb())).containsExactly(2.0, 0.5);
        assertThat(s.cpuWarning()).isNull();
        assertThat(s.cpuCritical()).isNull();
        assertThat(s.token()).isNull();
        assertThat(s.allowedOrigins()).isEmpty();
        assertThat(s.display()).isNull();
    }

    @Test
    void everyFlag_setsItsSetting() throws UsageException {
        ServerSettings s = run(Map.of(), "--host", "127.0.0.1", "--port=9000", "--interval", "0.25",
                "--max-clients", "5", "--disk-path", "/", "--disk-path", dir.toString(), "--no-gpu",
                "--export-dir", dir.resolve("out").toString(), "--compress", "--display", "detailed",
                "--token", "s3cret", "--allowed-origin", "http://a.example", "--allowed-origin=http://b.example");

        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(9000);
        assertThat(s.interval()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.maxClients()).isEqualTo(5);
        assertThat(s.diskPaths()).containsExactly(Path.of("/"), dir);
        assertThat(s.gpu()).isFalse();
        assertThat(s.exportDir()).isEqualTo(dir.resolve("out"));
        assertThat(s.exportCompress()).isTrue();
        assertThat(s.display()).isEqualTo(DisplayMode.DETAILED);
        assertThat(s.token()).isEqualTo("s3cret");
        assertThat(s.allowedOrigins()).containsExactly("http://a.example", "http://b.example");
    }

    @Test
    void precedence_flagOverEnvironmentOverFileOverDefault() throws Exception {
        Path file = config("port=7001\ninterval=2\nmax_clients=7\nhistory_size=10\n");
        Map<String, String> env = Map.of("WSMON_PORT", "7002", "WSMON_INTERVAL", "3");

        ServerSettings s = run(env, "--config", file.toString(), "--port", "7003");

        assertThat(s.port()).isEqualTo(7003);
        assertThat(s.interval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.maxClients()).isEqualTo(7);
        assertThat(s.historySize()).isEqualTo(10);
        assertThat(s.sendTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void everyKey_isAcceptedInTheFileAndTheEnvironment() throws Exception {
        Path file = config("""
                host=127.0.0.1
                port=0
                max_clients=3
                send_timeout=2.5
                interval=1
                history_size=5
                history_ttl=60
                disk_paths=/,%s
                gpu=false
                export_dir=%s
                export_interval=30
                export_compress=yes
                alert_cooldown=0
                memory_warning=70
                memory_critical=75
                disk_warning=60
                disk_critical=70
                disk_free_warning_gb=10
                disk_free_critical_gb=5
                cpu_warning=90
                cpu_critical=99
                token=t
                allowed_origins=http://x.example, http://y.example
                display=none
                """.formatted(dir, dir));

        ServerSettings fromFile = run(Map.of("WSMON_CONFIG", file.toString()));
        ServerSettings fromEnv = run(Map.of("WSMON_SEND_TIMEOUT", "2.5", "WSMON_CPU_WARNING", "90",
                "WSMON_DISK_PATHS", "/," + dir, "WSMON_ALLOWED_ORIGINS", "http://x.example,http://y.example"));

        assertThat(fromFile.sendTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(fromFile.diskPaths()).containsExactly(Path.of("/"), dir);
        assertThat(fromFile.exportCompress()).isTrue();
        assertThat(fromFile.alertCooldown()).isZero();
        assertThat(fromFile.cpuCritical()).isEqualTo(99.0);
        assertThat(fromFile.allowedOrigins()).containsExactly("http://x.example", "http://y.example");
        assertThat(fromFile.display()).isEqualTo(DisplayMode.NONE);
        assertThat(fromEnv.sendTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(fromEnv.cpuWarning()).isEqualTo(90.0);
        assertThat(fromEnv.diskPaths()).containsExactly(Path.of("/"), dir);
        assertThat(fromEnv.allowedOrigins()).containsExactly("http://x.example", "http://y.example");
    }

    @Test
    void extensionSettings_passThroughFromEverySourceWithPrecedence() throws Exception {
        Path file = config("gpu.backend=nvidia-smi\ngpu.nvidia_smi_timeout=3\njvm.leak_window=600\n");
        Map<String, String> env = Map.of("WSMON_GPU__BACKEND", "nvml", "WSMON_GPU__NVIDIA_SMI", "/opt/smi");

        ServerSettings s = run(env, "--config", file.toString(), "--set", "gpu.nvidia_smi_timeout=1");

        assertThat(s.extensionSettings()).containsOnly(
                Map.entry("gpu.backend", "nvml"),
                Map.entry("gpu.nvidia_smi", "/opt/smi"),
                Map.entry("gpu.nvidia_smi_timeout", "1"),
                Map.entry("jvm.leak_window", "600"));
    }

    @Test
    void set_topLevelKey_setsItLikeItsFlagOrFileKey() throws UsageException {
        ServerSettings s = run(Map.of(), "--set", "export_interval=1", "--set", "gpu=false", "--set=port=7003",
                "--set", "disk_paths=/," + dir, "--set", "token=");

        assertThat(s.exportInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.gpu()).isFalse();
        assertThat(s.port()).isEqualTo(7003);
        assertThat(s.diskPaths()).containsExactly(Path.of("/"), dir);
        assertThat(s.token()).isNull();
    }

    @Test
    void set_topLevelKey_winsOverEnvironmentAndFile() throws Exception {
        Path file = config("export_interval=9\nhistory_size=10\n");
        Map<String, String> env = Map.of("WSMON_EXPORT_INTERVAL", "5", "WSMON_HISTORY_SIZE", "20");

        ServerSettings s = run(env, "--config", file.toString(), "--set", "export_interval=1");

        assertThat(s.exportInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.historySize()).isEqualTo(20);
    }

    @Test
    void set_everyKey_isReadAndCheckedAsInTheFileAndTheEnvironment() throws Exception {
        ServerSettings defaults = run(Map.of());
        Map<ValueType, List<String>> samples = samples();
        for (Setting setting : Setting.values()) {
            List<String> values = samples.get(setting.type());
            assertThat(values).as("sample values of type %s, for %s", setting.type(), setting.key()).isNotNull();
            boolean changesSomething = false;
            for (String value : values) {
                Object set = outcome(setting, Source.SET, value);
                assertThat(set).as("--set %s=%s, as in the file", setting.key(), value).usingRecursiveComparison()
                        .isEqualTo(outcome(setting, Source.FILE, value));
                assertThat(set).as("--set %s=%s, as in the environment", setting.key(), value).usingRecursiveComparison()
                        .isEqualTo(outcome(setting, Source.ENVIRONMENT, value));
                changesSomething |= !same(set, defaults);
            }
            assertThat(changesSomething).as("--set %s changes the settings or is rejected", setting.key()).isTrue();
        }
    }

    @Test
    void host_empty_isRejectedNamingWhereItCameFrom() {
        assertThatThrownBy(() -> run(Map.of(), "--set", "host="))
                .hasMessage("--set host: must be a host name or an IP address, got ''");
        assertThatThrownBy(() -> run(Map.of(), "--host", " "))
                .hasMessage("--host: must be a host name or an IP address, got ' '");
        assertThatThrownBy(() -> run(Map.of("WSMON_HOST", "")))
                .hasMessage("WSMON_HOST: must be a host name or an IP address, got ''");
    }

    /** Where a value is given. */
    private enum Source { SET, FILE, ENVIRONMENT }

    /** A few values of each type, good and bad, for every key of that type. */
    private Map<ValueType, List<String>> samples() throws IOException {
        String file = Files.writeString(dir.resolve("a-file.txt"), "not a directory").toString();
        return Map.ofEntries(
                Map.entry(ValueType.TEXT, List.of("t", "")),
                Map.entry(ValueType.HOST, List.of("127.0.0.1", "")),
                Map.entry(ValueType.PORT, List.of("7001", "http")),
                Map.entry(ValueType.COUNT, List.of("3", "0")),
                Map.entry(ValueType.SECONDS, List.of("2.5", "0")),
                Map.entry(ValueType.SECONDS_OR_ZERO, List.of("0", "-1")),
                Map.entry(ValueType.PERCENT, List.of("50", "101")),
                Map.entry(ValueType.PERCENT_OR_OFF, List.of("50", "", "101")),
                Map.entry(ValueType.CELSIUS_OR_OFF, List.of("70", "", "hot")),
                Map.entry(ValueType.GIGABYTES, List.of("1", "-1")),
                Map.entry(ValueType.BOOLEAN, List.of("true", "false", "maybe")),
                Map.entry(ValueType.DIRECTORY_OR_NONE, List.of(dir.toString(), "", file)),
                Map.entry(ValueType.FILE_OR_NONE, List.of(file, "")),
                Map.entry(ValueType.EXISTING_PATHS, List.of("/," + dir, "/no/such/path")),
                Map.entry(ValueType.LIST, List.of("http://x.example,http://y.example", "")),
                Map.entry(ValueType.HOSTS, List.of(".example.com", "a b")),
                Map.entry(ValueType.DISPLAY, List.of("none", "fancy")));
    }

    /** The settings, or the reason they were rejected without where the value came from. */
    private Object outcome(Setting setting, Source source, String value) throws IOException {
        Map<String, String> env = Map.of();
        String[] args = {};
        String where = switch (source) {
            case SET -> {
                args = new String[] {"--set", setting.key() + "=" + value};
                yield "--set " + setting.key();
            }
            case FILE -> {
                Path file = config(setting.key() + "=" + value + "\n");
                args = new String[] {"--config", file.toString()};
                yield "config file " + file + ": " + setting.key();
            }
            case ENVIRONMENT -> {
                env = Map.of(setting.environmentVariable(), value);
                yield setting.environmentVariable();
            }
        };
        try {
            return run(env, args);
        } catch (UsageException e) {
            return "rejected: " + e.getMessage().replace(where + ": ", "");
        }
    }

    private static boolean same(Object outcome, ServerSettings settings) {
        try {
            assertThat(outcome).usingRecursiveComparison().isEqualTo(settings);
            return true;
        } catch (AssertionError different) {
            return false;
        }
    }

    @Test
    void set_badKeyOrValue_isNamed() {
        assertThatThrownBy(() -> run(Map.of(), "--set", "export_interval=0"))
                .hasMessage("--set export_interval: must be a number from 0.01 to 86400, got '0'");
        assertThatThrownBy(() -> run(Map.of(), "--set", "nope=1")).hasMessage("--set: unknown key 'nope'");
        assertThatThrownBy(() -> run(Map.of(), "--set", "port"))
                .hasMessage("--set: expects KEY=VALUE such as export_interval=30 or gpu.backend=nvml, got 'port'");
        assertThatThrownBy(() -> run(Map.of(), "--port", "1", "--set", "port=2")).hasMessage("--set port: given twice");
        assertThatThrownBy(() -> run(Map.of(), "--set", "memory_warning=95"))
                .hasMessage("memory_warning (95) must not be above memory_critical (90)");
    }

    @Test
    void helpAndVersion_winOverEverythingElse() throws UsageException {
        assertThat(SettingsResolver.resolve(new String[] {"--port", "1", "--help"}, Map.of()).action())
                .isEqualTo(Invocation.Action.HELP);
        assertThat(SettingsResolver.resolve(new String[] {"--version"}, Map.of()).action())
                .isEqualTo(Invocation.Action.VERSION);
    }

    @Test
    void badFlagValue_namesTheFlagAndTheValue() {
        assertThatThrownBy(() -> run(Map.of(), "--port", "http"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--port: must be a whole number from 0 to 65535, got 'http'");
        assertThatThrownBy(() -> run(Map.of(), "--interval", "0"))
                .hasMessage("--interval: must be a number from 0.01 to 86400, got '0'");
        assertThatThrownBy(() -> run(Map.of(), "--display", "fancy"))
                .hasMessage("--display: must be compact, detailed or none, got 'fancy'");
        assertThatThrownBy(() -> run(Map.of(), "--disk-path", "/no/such/dir"))
                .hasMessage("--disk-path: path does not exist: /no/such/dir");
    }

    @Test
    void unknownFlag_orStrayArgument_orMissingValue_isNamed() {
        assertThatThrownBy(() -> run(Map.of(), "--prot", "1")).hasMessage("unknown flag: --prot");
        assertThatThrownBy(() -> run(Map.of(), "serve")).hasMessage("unexpected argument: 'serve'");
        assertThatThrownBy(() -> run(Map.of(), "--port")).hasMessage("--port: needs a value");
        assertThatThrownBy(() -> run(Map.of(), "--port", "1", "--port", "2")).hasMessage("--port: given twice");
        assertThatThrownBy(() -> run(Map.of(), "--compress=yes")).hasMessage("--compress: takes no value, got 'yes'");
    }

    @Test
    void badEnvironment_namesTheVariable() {
        assertThatThrownBy(() -> run(Map.of("WSMON_MAX_CLIENTS", "-1")))
                .hasMessage("WSMON_MAX_CLIENTS: must be a whole number from 1 to 2147483647, got '-1'");
        assertThatThrownBy(() -> run(Map.of("WSMON_PROT", "1"))).hasMessage("environment: unknown variable WSMON_PROT");
    }

    @Test
    void badConfigFile_namesTheFileAndKey() throws IOException {
        Path unknown = config("prot=1\n");
        assertThatThrownBy(() -> run(Map.of(), "--config", unknown.toString()))
                .hasMessage("config file " + unknown + ": unknown key 'prot'");
        Path bad = config("memory_warning=120\n");
        assertThatThrownBy(() -> run(Map.of(), "--config", bad.toString()))
                .hasMessage("config file " + bad + ": memory_warning: must be a number from 0 to 100, got '120'");
        assertThatThrownBy(() -> run(Map.of(), "--config", dir.resolve("missing.properties").toString()))
                .hasMessageStartingWith("--config: cannot read " + dir.resolve("missing.properties"));
    }

    @Test
    void thresholds_warningAboveCritical_areRejected() {
        assertThatThrownBy(() -> run(Map.of("WSMON_MEMORY_WARNING", "95")))
                .hasMessage("memory_warning (95) must not be above memory_critical (90)");
        assertThatThrownBy(() -> run(Map.of("WSMON_DISK_FREE_CRITICAL_GB", "3")))
                .hasMessage("disk_free_critical_gb (3) must not be above disk_free_warning_gb (2)");
    }

    @Test
    void dashboardAndMetrics_onByDefault_reachTheEndpointSettings() throws UsageException {
        ServerSettings s = run(Map.of(), "--set", "gpu.backend=nvml");

        assertThat(s.dashboard()).isTrue();
        assertThat(s.metrics()).isTrue();
        assertThat(s.endpointSettings()).containsExactly(
                Map.entry("dashboard", "true"), Map.entry("gpu.backend", "nvml"), Map.entry("metrics", "true"));
    }

    @Test
    void dashboardAndMetrics_noFlags_turnThemOff() throws UsageException {
        ServerSettings s = run(Map.of(), "--no-dashboard", "--no-metrics");

        assertThat(s.endpointSettings()).containsEntry("dashboard", "false").containsEntry("metrics", "false");
    }

    @Test
    void dashboardAndMetrics_environment_turnsThemOffAndABadValueIsNamed() throws UsageException {
        ServerSettings s = run(Map.of("WSMON_DASHBOARD", "false", "WSMON_METRICS", "false"));

        assertThat(s.dashboard()).isFalse();
        assertThat(s.metrics()).isFalse();
        assertThatThrownBy(() -> run(Map.of("WSMON_METRICS", "maybe")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("WSMON_METRICS: ");
    }

    @Test
    void usage_listsEveryFlagAndKeyWithItsDefault() {
        String text = Usage.text();
        for (Setting setting : Setting.values()) {
            assertThat(text).contains(setting.key(), setting.environmentVariable());
            setting.flag().ifPresent(flag -> assertThat(text).contains(flag));
        }
        assertThat(text).contains("--port PORT", "(default: 8765)", "--config FILE", "--version", "--help",
                "--no-dashboard", "--no-metrics", "WSMON_DASHBOARD", "WSMON_METRICS");
    }

    @Test
    void optionalThresholds_fromFileAndEnvironment_areKeptByTheirKeys() throws Exception {
        Path file = config("temperature_warning=75\ndisk_busy_critical=90\n");

        ServerSettings s = run(Map.of("WSMON_CONFIG", file.toString(), "WSMON_PRESSURE_MEMORY_WARNING", "10"));

        assertThat(s.optionalThresholds().asMap()).containsOnly(Map.entry("temperature_warning", 75.0),
                Map.entry("disk_busy_critical", 90.0), Map.entry("pressure_memory_warning", 10.0));
        assertThat(run(Map.of()).optionalThresholds().asMap()).isEmpty();
    }

    @Test
    void optionalThresholds_warningAboveCritical_areRejected() {
        assertThatThrownBy(() -> run(Map.of("WSMON_CONTAINER_MEMORY_WARNING", "95", "WSMON_CONTAINER_MEMORY_CRITICAL", "90")))
                .hasMessage("container_memory_warning (95) must not be above container_memory_critical (90)");
        assertThatThrownBy(() -> run(Map.of("WSMON_DISK_BUSY_WARNING", "101")))
                .hasMessage("WSMON_DISK_BUSY_WARNING: must be a number from 0 to 100, got '101'");
    }

    @Test
    void monitorsDisable_givenWithSet_leavesThoseSectionsOut() throws Exception {
        ServerSettings s = run(Map.of(), "--set", "monitors.disable=processes,sensors", "--no-gpu");

        try (var service = ServerCommand.service(s).discovery(false).start()) {
            io.wsmon.core.testing.Await.until("the first tick", () -> service.currentSnapshot().isPresent());
            assertThat(service.statistics().monitors().keySet()).contains("processor")
                    .doesNotContain("processes", "sensors");
        }
    }

    @Test
    void processesTop_badValue_isRejectedNamingTheKey() throws Exception {
        ServerSettings s = run(Map.of("WSMON_PROCESSES__TOP", "0"));

        assertThatThrownBy(() -> ServerCommand.service(s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("processes.top: must be a whole number from 1 to 100, got '0'");
    }
}
