package io.wsmon.ws.cli;

import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of the command: its key in a properties file, its {@code WSMON_} environment variable,
 * its flag (when it has one), its type and its default (SPEC §5, §7).
 */
enum Setting {
    HOST("host", "--host", ValueType.HOST, "0.0.0.0", "interface to listen on"),
    PORT("port", "--port", ValueType.PORT, "8765", "port to listen on (0: any free port)"),
    MAX_CLIENTS("max_clients", "--max-clients", ValueType.COUNT, "1000", "clients served at once; more are closed with 1008"),
    SEND_TIMEOUT("send_timeout", null, ValueType.SECONDS, "1", "a client whose socket takes no byte for this long is closed"),
    INTERVAL("interval", "--interval", ValueType.SECONDS, "0.5", "seconds between two snapshots"),
    HISTORY_SIZE("history_size", null, ValueType.COUNT, "1000", "snapshots kept in memory"),
    HISTORY_TTL("history_ttl", null, ValueType.SECONDS, "3600", "seconds a snapshot stays in memory"),
    DISK_PATHS("disk_paths", "--disk-path", ValueType.EXISTING_PATHS, "/", "paths whose disks are watched (flag repeatable)"),
    GPU("gpu", "--no-gpu", ValueType.BOOLEAN, "true", "collect the gpu section; --no-gpu turns it off"),
    EXPORT_DIR("export_dir", "--export-dir", ValueType.DIRECTORY_OR_NONE, "", "write snapshots to daily JSON files here (empty: no export)"),
    EXPORT_INTERVAL("export_interval", null, ValueType.SECONDS, "60", "seconds between two exports"),
    EXPORT_COMPRESS("export_compress", "--compress", ValueType.BOOLEAN, "false", "gzip the export files; --compress turns it on"),
    ALERT_COOLDOWN("alert_cooldown", null, ValueType.SECONDS_OR_ZERO, "300", "seconds before the same alert is raised again"),
    MEMORY_WARNING("memory_warning", null, ValueType.PERCENT, "80", "memory use that raises a WARNING"),
    MEMORY_CRITICAL("memory_critical", null, ValueType.PERCENT, "90", "memory use that raises a CRITICAL"),
    DISK_WARNING("disk_warning", null, ValueType.PERCENT, "85", "disk use that raises a WARNING"),
    DISK_CRITICAL("disk_critical", null, ValueType.PERCENT, "95", "disk use that raises a CRITICAL"),
    DISK_FREE_WARNING_GB("disk_free_warning_gb", null, ValueType.GIGABYTES, "2", "free disk space below which a WARNING is raised"),
    DISK_FREE_CRITICAL_GB("disk_free_critical_gb", null, ValueType.GIGABYTES, "0.5", "free disk space below which a CRITICAL is raised"),
    CPU_WARNING("cpu_warning", null, ValueType.PERCENT_OR_OFF, "", "CPU use that raises a WARNING (empty: off)"),
    CPU_CRITICAL("cpu_critical", null, ValueType.PERCENT_OR_OFF, "", "CPU use that raises a CRITICAL (empty: off)"),
    TEMPERATURE_WARNING("temperature_warning", null, ValueType.CELSIUS_OR_OFF, "", "sensor temperature, °C, that raises a WARNING (empty: off)"),
    TEMPERATURE_CRITICAL("temperature_critical", null, ValueType.CELSIUS_OR_OFF, "", "sensor temperature, °C, that raises a CRITICAL (empty: off)"),
    CONTAINER_MEMORY_WARNING("container_memory_warning", null, ValueType.PERCENT_OR_OFF, "", "container memory, % of its limit, that raises a WARNING (empty: off)"),
    CONTAINER_MEMORY_CRITICAL("container_memory_critical", null, ValueType.PERCENT_OR_OFF, "", "container memory, % of its limit, that raises a CRITICAL (empty: off)"),
    DISK_BUSY_WARNING("disk_busy_warning", null, ValueType.PERCENT_OR_OFF, "", "disk busy time, %, that raises a WARNING (empty: off)"),
    DISK_BUSY_CRITICAL("disk_busy_critical", null, ValueType.PERCENT_OR_OFF, "", "disk busy time, %, that raises a CRITICAL (empty: off)"),
    PRESSURE_MEMORY_WARNING("pressure_memory_warning", null, ValueType.PERCENT_OR_OFF, "", "memory pressure (PSI some avg10), %, that raises a WARNING (empty: off)"),
    PRESSURE_MEMORY_CRITICAL("pressure_memory_critical", null, ValueType.PERCENT_OR_OFF, "", "memory pressure (PSI some avg10), %, that raises a CRITICAL (empty: off)"),
    TOKEN("token", "--token", ValueType.TEXT, "", "shared secret clients must present (empty: none)"),
    ALLOWED_ORIGINS("allowed_origins", "--allowed-origin", ValueType.LIST, "", "browser origins allowed besides the server's own (flag repeatable)"),
    ALLOWED_HOSTS("allowed_hosts", "--allowed-host", ValueType.HOSTS, "", "Host names allowed besides the server's own names and addresses (.domain, *; flag repeatable)"),
    TLS_CERT("tls_cert", "--tls-cert", ValueType.FILE_OR_NONE, "", "speak TLS (wss://, https://) with this PEM certificate chain; needs --tls-key"),
    TLS_KEY("tls_key", "--tls-key", ValueType.FILE_OR_NONE, "", "the PEM PKCS#8 private key of --tls-cert"),
    TLS_KEYSTORE("tls_keystore", "--tls-keystore", ValueType.FILE_OR_NONE, "", "speak TLS with the key and chain of this PKCS#12 key store"),
    TLS_KEYSTORE_PASSWORD("tls_keystore_password", "--tls-keystore-password", ValueType.TEXT, "", "the key store's password; prefer the environment variable, which ps does not show"),
    DISPLAY("display", "--display", ValueType.DISPLAY, "", "console view; default compact on a terminal, none otherwise"),
    DASHBOARD("dashboard", "--no-dashboard", ValueType.BOOLEAN, "true", "serve the dashboard page when its module is on the class path; --no-dashboard turns it off"),
    METRICS("metrics", "--no-metrics", ValueType.BOOLEAN, "true", "serve /metrics when a metrics module is on the class path; --no-metrics turns it off");


    private final String key;
    private final String flag;
    private final ValueType type;
    private final String defaultText;
    private final String description;

    Setting(String key, String flag, ValueType type, String defaultText, String description) {
        this.key = key;
        this.flag = flag;
        this.type = type;
        this.defaultText = defaultText;
        this.description = description;
    }

    String key() {
        return key;
    }

    Optional<String> flag() {
        return Optional.ofNullable(flag);
    }

    ValueType type() {
        return type;
    }

    String defaultText() {
        return defaultText;
    }

    String description() {
        return description;
    }

    /** The off-by-default alert thresholds, each named by its {@code Thresholds} key. */
    static final java.util.List<Setting> OPTIONAL_THRESHOLDS = java.util.List.of(TEMPERATURE_WARNING,
            TEMPERATURE_CRITICAL, CONTAINER_MEMORY_WARNING, CONTAINER_MEMORY_CRITICAL, DISK_BUSY_WARNING,
            DISK_BUSY_CRITICAL, PRESSURE_MEMORY_WARNING, PRESSURE_MEMORY_CRITICAL);

    /** The environment variable: {@code WSMON_} and the key upper-cased. */
    String environmentVariable() {
        return "WSMON_" + key.toUpperCase(Locale.ROOT);
    }

    /** Whether the flag takes no value: it sets a boolean ({@code --compress}) or clears one ({@code --no-gpu}). */
    boolean isSwitch() {
        return type == ValueType.BOOLEAN;
    }

    /** The value a switch flag stands for. */
    String switchValue() {
        return flag != null && flag.startsWith("--no-") ? "false" : "true";
    }

    /** Whether the flag may be given several times, its values adding up. */
    boolean isRepeatable() {
        return type == ValueType.EXISTING_PATHS || type == ValueType.LIST || type == ValueType.HOSTS;
    }

    static Optional<Setting> byKey(String key) {
        for (Setting setting : values()) {
            if (setting.key.equals(key)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }

    static Optional<Setting> byFlag(String flag) {
        for (Setting setting : values()) {
            if (flag.equals(setting.flag)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }
}
