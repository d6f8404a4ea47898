package io.wsmon.ws.cli;

import io.wsmon.api.AlertLevel;
import io.wsmon.core.alert.AlertMetric;
import io.wsmon.core.alert.Thresholds;
import io.wsmon.ws.tls.TlsIdentity;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Turns flags, {@code WSMON_} environment variables and a properties file into {@link ServerSettings},
 * with the precedence flag &gt; environment &gt; file &gt; default. Anything unknown or bad is a
 * {@link UsageException} naming where it came from: the flag, the variable, or the file and key.
 *
 * <p>{@code --set KEY=VALUE} gives any key on the command line, with a flag's precedence.
 * Extension settings (keys with a dot, such as {@code gpu.backend}) pass through to the service: as
 * {@code --set gpu.backend=nvml}, as {@code WSMON_GPU__BACKEND=nvml} (a double underscore for the dot),
 * or as a key in the file; the extension checks their values when it starts.
 */
final class SettingsResolver {

    static final String CONFIG_FLAG = "--config";
    static final String CONFIG_VARIABLE = "WSMON_CONFIG";
    static final String SET_FLAG = "--set";
    private static final String ENV_PREFIX = "WSMON_";
    private static final String ENV_DOT = "__";

    private SettingsResolver() {}

    static Invocation resolve(String[] args, Map<String, String> environment) throws UsageException {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        Map<Setting, String> flagNames = new EnumMap<>(Setting.class);
        Map<String, String> flagExtensions = new TreeMap<>();
        String configFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inlineValue = arg.substring(equals + 1);
            }
            switch (name) {
                case "--help", "-h" -> {
                    return new Invocation(Invocation.Action.HELP, null);
                }
                case "--version", "-V" -> {
                    return new Invocation(Invocation.Action.VERSION, null);
                }
                case CONFIG_FLAG -> {
                    configFile = inlineValue != null ? inlineValue : valueAfter(args, i++, name);
                    continue;
                }
                case SET_FLAG -> {
                    String assignment = inlineValue != null ? inlineValue : valueAfter(args, i++, name);
                    int eq = assignment.indexOf('=');
                    if (eq < 1) {
                        throw new UsageException(SET_FLAG + ": expects KEY=VALUE such as export_interval=30 or"
                                + " gpu.backend=nvml, got '" + assignment + "'");
                    }
                    String key = assignment.substring(0, eq);
                    if (key.indexOf('.') > 0) {
                        flagExtensions.put(key, assignment.substring(eq + 1));
                    } else {
                        Setting setting = Setting.byKey(key)
                                .orElseThrow(() -> new UsageException(SET_FLAG + ": unknown key '" + key + "'"));
                        putFlag(flags, flagNames, setting, SET_FLAG + " " + key, assignment.substring(eq + 1));
                    }
                    continue;
                }
                default -> { }
            }
            if (!name.startsWith("-")) {
                throw new UsageException("unexpected argument: '" + arg + "'");
            }
            Setting setting = Setting.byFlag(name).orElseThrow(() -> new UsageException("unknown flag: " + arg));
            String value;
            if (setting.isSwitch()) {
                if (inlineValue != null) {
                    throw new UsageException(name + ": takes no value, got '" + inlineValue + "'");
                }
                value = setting.switchValue();
            } else {
                value = inlineValue != null ? inlineValue : valueAfter(args, i++, name);
            }
            putFlag(flags, flagNames, setting, name, value);
        }
        if (configFile == null) {
            configFile = environment.get(CONFIG_VARIABLE);
        }
        Map<String, String> extensions = new TreeMap<>();
        Map<Setting, String> file = configFile == null ? Map.of() : readConfigFile(Path.of(configFile), extensions);
        Map<Setting, String> env = readEnvironment(environment, extensions);
        extensions.putAll(flagExtensions);

        Map<Setting, Object> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            values.put(setting, parse(setting, flags, flagNames, env, file, configFile));
        }
        ServerSettings settings = toSettings(values, extensions);
        checkThresholds(settings);
        return new Invocation(Invocation.Action.RUN, settings);
    }

    /**
     * Records a value from the command line, given by its flag or as {@code --set KEY=VALUE}: either way
     * the setting may be given once, unless its values add up.
     */
    private static void putFlag(Map<Setting, String> flags, Map<Setting, String> flagNames, Setting setting,
            String name, String value) throws UsageException {
        String previous = flags.get(setting);
        if (previous != null && !setting.isRepeatable()) {
            throw new UsageException(name + ": given twice");
        }
        flags.put(setting, previous == null ? value : previous + "," + value);
        flagNames.putIfAbsent(setting, name);
    }

    private static String valueAfter(String[] args, int index, String flag) throws UsageException {
        if (index + 1 >= args.length || (args[index + 1].startsWith("--") && !args[index + 1].equals("--"))) {
            throw new UsageException(flag + ": needs a value");
        }
        return args[index + 1];
    }

    private static Map<Setting, String> readConfigFile(Path path, Map<String, String> extensions)
            throws UsageException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException(CONFIG_FLAG + ": cannot read " + path + ": " + e.getMessage());
        }
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (String key : properties.stringPropertyNames()) {
            if (key.indexOf('.') > 0) {
                extensions.put(key, properties.getProperty(key));
                continue;
            }
            Setting setting = Setting.byKey(key)
                    .orElseThrow(() -> new UsageException("config file " + path + ": unknown key '" + key + "'"));
            values.put(setting, properties.getProperty(key));
        }
        return values;
    }

    private static Map<Setting, String> readEnvironment(Map<String, String> environment, Map<String, String> extensions)
            throws UsageException {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(ENV_PREFIX) || name.equals(CONFIG_VARIABLE)) {
                continue;
            }
            String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
            if (key.contains(ENV_DOT)) {
                extensions.put(key.replace(ENV_DOT, "."), variable.getValue());
                continue;
            }
            Setting setting = Setting.byKey(key)
                    .orElseThrow(() -> new UsageException("environment: unknown variable " + name));
            values.put(setting, variable.getValue());
        }
        return values;
    }

    private static Object parse(Setting setting, Map<Setting, String> flags, Map<Setting, String> flagNames,
            Map<Setting, String> env, Map<Setting, String> file, String configFile) throws UsageException {
        String where;
        String text;
        if (flags.containsKey(setting)) {
            where = flagNames.get(setting);
            text = flags.get(setting);
        } else if (env.containsKey(setting)) {
            where = setting.environmentVariable();
            text = env.get(setting);
        } else if (file.containsKey(setting)) {
            where = "config file " + configFile + ": " + setting.key();
            text = file.get(setting);
        } else {
            where = "default " + setting.key();
            text = setting.defaultText();
        }
        if (setting == Setting.DISPLAY && text.isBlank()) {
            return null;
        }
        try {
            return setting.type().parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(where + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static ServerSettings toSettings(Map<Setting, Object> v, Map<String, String> extensions)
            throws UsageException {
        String token = (String) v.get(Setting.TOKEN);
        return new ServerSettings(
                (String) v.get(Setting.HOST),
                (Integer) v.get(Setting.PORT),
                (Integer) v.get(Setting.MAX_CLIENTS),
                seconds(v.get(Setting.SEND_TIMEOUT)),
                seconds(v.get(Setting.INTERVAL)),
                (Integer) v.get(Setting.HISTORY_SIZE),
                seconds(v.get(Setting.HISTORY_TTL)),
                ((List<String>) v.get(Setting.DISK_PATHS)).stream().map(Path::of).toList(),
                (Boolean) v.get(Setting.GPU),
                (Path) v.get(Setting.EXPORT_DIR),
                seconds(v.get(Setting.EXPORT_INTERVAL)),
                (Boolean) v.get(Setting.EXPORT_COMPRESS),
                seconds(v.get(Setting.ALERT_COOLDOWN)),
                (Double) v.get(Setting.MEMORY_WARNING),
                (Double) v.get(Setting.MEMORY_CRITICAL),
                (Double) v.get(Setting.DISK_WARNING),
                (Double) v.get(Setting.DISK_CRITICAL),
                (Double) v.get(Setting.DISK_FREE_WARNING_GB),
                (Double) v.get(Setting.DISK_FREE_CRITICAL_GB),
                (Double) v.get(Setting.CPU_WARNING),
                (Double) v.get(Setting.CPU_CRITICAL),
                optionalThresholds(v),
                token.isBlank() ? null : token,
                new ArrayList<>((List<String>) v.get(Setting.ALLOWED_ORIGINS)),
                new ArrayList<>((List<String>) v.get(Setting.ALLOWED_HOSTS)),
                tls(v),
                (DisplayMode) v.get(Setting.DISPLAY),
                extensions,
                (Boolean) v.get(Setting.DASHBOARD),
                (Boolean) v.get(Setting.METRICS));
    }

    private static Thresholds optionalThresholds(Map<Setting, Object> v) {
        Thresholds.Builder thresholds = Thresholds.builder();
        for (Setting setting : Setting.OPTIONAL_THRESHOLDS) {
            if (v.get(setting) != null) {
                thresholds.set(setting.key(), (Double) v.get(setting));
            }
        }
        return thresholds.build();
    }

    private static Duration seconds(Object value) {
        return Duration.ofNanos(Math.round((Double) value * 1e9));
    }

    /** The TLS identity: a PEM pair, or a PKCS#12 key store with its password; its files are read later. */
    private static TlsIdentity tls(Map<Setting, Object> v) throws UsageException {
        Path cert = (Path) v.get(Setting.TLS_CERT);
        Path key = (Path) v.get(Setting.TLS_KEY);
        Path keyStore = (Path) v.get(Setting.TLS_KEYSTORE);
        String password = (String) v.get(Setting.TLS_KEYSTORE_PASSWORD);
        if (keyStore != null && (cert != null || key != null)) {
            throw new UsageException("tls_keystore: give either a key store or tls_cert and tls_key, not both, got "
                    + keyStore + " and " + (cert != null ? cert : key));
        }
        if (keyStore != null) {
            return TlsIdentity.pkcs12(keyStore, password.toCharArray());
        }
        if (!password.isEmpty()) {
            throw new UsageException("tls_keystore_password: set without tls_keystore");
        }
        if ((cert == null) != (key == null)) {
            throw new UsageException(cert == null ? "tls_key: needs tls_cert (--tls-cert) too, got only " + key
                    : "tls_cert: needs tls_key (--tls-key) too, got only " + cert);
        }
        return cert == null ? null : TlsIdentity.pem(cert, key);
    }

    private static void checkThresholds(ServerSettings s) throws UsageException {
        checkAbove("memory_warning", s.memoryWarning(), "memory_critical", s.memoryCritical());
        checkAbove("disk_warning", s.diskWarning(), "disk_critical", s.diskCritical());
        checkAbove("disk_free_critical_gb", s.diskFreeCriticalGb(), "disk_free_warning_gb", s.diskFreeWarningGb());
        if (s.cpuWarning() != null && s.cpuCritical() != null) {
            checkAbove("cpu_warning", s.cpuWarning(), "cpu_critical", s.cpuCritical());
        }
        for (AlertMetric metric : s.optionalThresholds().metrics()) {
            Optional<Double> warning = s.optionalThresholds().get(metric, AlertLevel.WARNING);
            Optional<Double> critical = s.optionalThresholds().get(metric, AlertLevel.CRITICAL);
            if (warning.isPresent() && critical.isPresent()) {
                checkAbove(metric.thresholdKey(AlertLevel.WARNING), warning.get(),
                        metric.thresholdKey(AlertLevel.CRITICAL), critical.get());
            }
        }
    }

    /** The lower threshold must not be above the higher one. */
    private static void checkAbove(String lowKey, double low, String highKey, double high) throws UsageException {
        if (low > high) {
            throw new UsageException(lowKey + " (" + trim(low) + ") must not be above " + highKey + " (" + trim(high) + ")");
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
