package io.wsmon.ws.cli;

import java.util.Locale;

/** The text of {@code --help}, made from the settings so it never drifts from them. */
final class Usage {

    static final String COMMAND = "monitoring-websocket-server";

    private Usage() {}

    /** The one-line synopsis. */
    static String synopsis() {
        return "usage: " + COMMAND + " [--host H] [--port P] [--interval S] [--max-clients N] [--disk-path PATH]..."
                + " [--no-gpu] [--no-dashboard] [--no-metrics] [--export-dir DIR] [--compress] [--display compact|detailed|none] [--token T]"
                + " [--tls-cert FILE --tls-key FILE | --tls-keystore FILE]"
                + " [--allowed-origin O]... [--allowed-host H]... [--config FILE] [--set KEY=VALUE]... [--version] [--help]";
    }

    /** The whole help text. */
    static String text() {
        StringBuilder text = new StringBuilder(synopsis()).append("\n\n");
        text.append("Streams system metrics to WebSocket clients at ws://HOST:PORT/ (wss:// with TLS; SPEC protocol), with\n")
                .append("HTTP endpoints /api/snapshot, /api/history?count=N, /api/status and /healthz on the same port.\n\n")
                .append("Flags:\n");
        for (Setting setting : Setting.values()) {
            setting.flag().ifPresent(flag -> text.append(String.format(Locale.ROOT, "  %-36s %s%s%n",
                    flag + (setting.isSwitch() ? "" : " " + setting.type().placeholder()), setting.description(),
                    setting.isSwitch() ? "" : " (default: " + shown(setting) + ")")));
        }
        text.append(String.format(Locale.ROOT, "  %-36s %s%n", SettingsResolver.CONFIG_FLAG + " FILE",
                "read settings from a properties file (also " + SettingsResolver.CONFIG_VARIABLE + ")"));
        text.append(String.format(Locale.ROOT, "  %-36s %s%n", SettingsResolver.SET_FLAG + " KEY=VALUE",
                "any setting below (export_interval=30) or an extension setting such as gpu.backend=nvml (also WSMON_GPU__BACKEND, or the key in the file)"));
        text.append(String.format(Locale.ROOT, "  %-36s %s%n", "--version", "print the version and exit"));
        text.append(String.format(Locale.ROOT, "  %-36s %s%n", "--help", "print this help and exit"));
        text.append("\nSettings (config file key = environment variable; flag > environment > file > default):\n");
        for (Setting setting : Setting.values()) {
            text.append(String.format(Locale.ROOT, "  %-22s %-28s %s (default: %s)%n", setting.key(),
                    setting.environmentVariable(), setting.description(), shown(setting)));
        }
        text.append("\nDurations are in seconds, thresholds in percent. Exit codes: 0 stopped cleanly,")
                .append(" 1 could not start, 2 bad usage,")
                .append(" 3 out of memory.\n");
        return text.toString();
    }

    private static String shown(Setting setting) {
        return setting.defaultText().isEmpty() ? "none" : setting.defaultText();
    }
}
