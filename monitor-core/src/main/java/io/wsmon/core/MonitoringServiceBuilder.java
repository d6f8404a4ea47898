package io.wsmon.core;

import io.wsmon.api.AlertHandler;
import io.wsmon.api.Exporter;
import io.wsmon.api.Monitor;
import io.wsmon.api.SnapshotListener;
import io.wsmon.core.alert.AlertRule;
import io.wsmon.core.collect.CollectSettings;
import io.wsmon.core.time.Ticker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import io.wsmon.core.format.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Configures a {@link MonitoringService}. Every option is checked when it is set, with a message that
 * names the option and the bad value; single-valued options can be set once. Obtain one with
 * {@link MonitoringService#builder()}.
 *
 * <pre>{@code
 * MonitoringService service = MonitoringService.builder()
 *         .interval(Duration.ofSeconds(1))
 *         .diskPaths("/", "/data")
 *         .disable("network")
 *         .exporter(new JsonFileExporter(Path.of("monitoring_data")))
 *         .start();
 * }</pre>
 */
public final class MonitoringServiceBuilder {

    /** The default time between two ticks (the seed's {@code MONITOR_INTERVAL}). */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);
    /** The shortest interval accepted. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    /** The longest interval accepted. */
    public static final Duration MAX_INTERVAL = Duration.ofHours(1);
    /** The default number of snapshots kept. */
    public static final int DEFAULT_HISTORY_SIZE = 1000;
    /** The default age beyond which snapshots leave the history. */
    public static final Duration DEFAULT_HISTORY_MAX_AGE = Duration.ofHours(1);
    /** The default time between two exports. */
    public static final Duration DEFAULT_EXPORT_INTERVAL = Duration.ofSeconds(60);
    /** The default disk path. */
    public static final String DEFAULT_DISK_PATH = "/";
    /** Names of the built-in monitors, in the order their sections appear. */
    public static final List<String> BUILT_IN_MONITORS = List.of("processor", "memory", "disk", "system", "network", "jvm",
            "processes", "disk_io", "sensors", "container", "pressure");

    private Duration interval;
    private Duration collectTimeout;
    private Integer historySize;
    private Duration historyMaxAge;
    private Duration exportInterval;
    private List<Path> diskPaths;
    private Clock clock;
    private Ticker ticker;
    private Boolean discovery;
    private Set<String> only;
    private final Set<String> disabled = new LinkedHashSet<>();
    private final List<Monitor<?>> monitors = new ArrayList<>();
    private final List<Exporter> exporters = new ArrayList<>();
    private final List<SnapshotListener> listeners = new ArrayList<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<AlertRule> alertRules = new ArrayList<>();
    private final List<AlertHandler> alertHandlers = new ArrayList<>();
    private Duration alertCooldown;

    MonitoringServiceBuilder() {}

    /**
     * Time between two ticks. Default 500 ms.
     *
     * @param interval between {@link #MIN_INTERVAL} and {@link #MAX_INTERVAL}
     * @return this builder
     */
    public MonitoringServiceBuilder interval(Duration interval) {
        requireUnset("interval", this.interval);
        this.interval = requireBetween("interval", interval, MIN_INTERVAL, MAX_INTERVAL);
        return this;
    }

    /**
     * How long a tick waits for its monitors; a monitor not done by then loses its section for that tick.
     * Default: half the interval.
     *
     * @param timeout more than zero, at most the interval
     * @return this builder
     */
    public MonitoringServiceBuilder collectTimeout(Duration timeout) {
        requireUnset("collectTimeout", this.collectTimeout);
        this.collectTimeout = requireBetween("collectTimeout", timeout, Duration.ofMillis(1), MAX_INTERVAL);
        return this;
    }

    /**
     * How many snapshots the history keeps. Default 1000.
     *
     * @param size at least 1
     * @return this builder
     */
    public MonitoringServiceBuilder historySize(int size) {
        requireUnset("historySize", this.historySize);
        if (size < 1) {
            throw new IllegalArgumentException("historySize: must be at least 1, got " + size);
        }
        this.historySize = size;
        return this;
    }

    /**
     * How old a snapshot may get before it leaves the history. Default 1 hour.
     *
     * @param maxAge more than zero
     * @return this builder
     */
    public MonitoringServiceBuilder historyMaxAge(Duration maxAge) {
        requireUnset("historyMaxAge", this.historyMaxAge);
        this.historyMaxAge = requireBetween("historyMaxAge", maxAge, Duration.ofMillis(1), Duration.ofDays(365));
        return this;
    }

    /**
     * Time between two exports, for exporters that do not choose their own. Default 60 s.
     *
     * @param interval at least 10 ms
     * @return this builder
     */
    public MonitoringServiceBuilder exportInterval(Duration interval) {
        requireUnset("exportInterval", this.exportInterval);
        this.exportInterval = requireBetween("exportInterval", interval, MIN_INTERVAL, Duration.ofDays(1));
        return this;
    }

    /**
     * The paths whose file systems the disk monitor watches. The first fills the {@code disk} section,
     * all fill {@code disks}. Default {@code /}.
     *
     * @param paths existing paths, at least one
     * @return this builder
     */
    public MonitoringServiceBuilder diskPaths(String... paths) {
        return diskPaths(Arrays.stream(paths).map(Path::of).toList());
    }

    /**
     * The paths whose file systems the disk monitor watches; see {@link #diskPaths(String...)}.
     *
     * @param paths existing paths, at least one
     * @return this builder
     */
    public MonitoringServiceBuilder diskPaths(List<Path> paths) {
        requireUnset("diskPaths", this.diskPaths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("diskPaths: at least one path is needed");
        }
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("diskPaths: path does not exist: " + path);
            }
        }
        this.diskPaths = List.copyOf(paths);
        return this;
    }

    /**
     * Collect only these sections: every other built-in or discovered monitor is left out (monitors
     * added with {@link #monitor} always take part).
     *
     * @param names monitor names, for example {@code "processor", "memory"}
     * @return this builder
     */
    public MonitoringServiceBuilder onlyMonitors(String... names) {
        requireUnset("onlyMonitors", this.only);
        this.only = Set.copyOf(Arrays.asList(requireNames("onlyMonitors", names)));
        return this;
    }

    /**
     * Leaves out built-in or discovered monitors, exporters or alert handlers by name. A monitor added with
     * {@link #monitor} may take the name of a disabled built-in one and replace it.
     *
     * @param names the names, for example {@code "network"} or {@code "gpu"}
     * @return this builder
     */
    public MonitoringServiceBuilder disable(String... names) {
        disabled.addAll(Arrays.asList(requireNames("disable", names)));
        return this;
    }

    /**
     * Adds a monitor. It always takes part, whatever {@link #onlyMonitors} and {@link #disable} say.
     *
     * @param monitor a monitor whose name no other added monitor has, nor an enabled built-in one
     * @return this builder
     */
    public MonitoringServiceBuilder monitor(Monitor<?> monitor) {
        Objects.requireNonNull(monitor, "monitor");
        String name = requireName("monitor", monitor.name());
        for (Monitor<?> other : monitors) {
            if (other.name().equals(name)) {
                throw new IllegalArgumentException("monitor: two monitors named '" + name + "': "
                        + other.getClass().getName() + " and " + monitor.getClass().getName());
            }
        }
        monitors.add(monitor);
        return this;
    }

    /**
     * Adds an exporter.
     *
     * @param exporter an exporter whose name no other added exporter has
     * @return this builder
     */
    public MonitoringServiceBuilder exporter(Exporter exporter) {
        Objects.requireNonNull(exporter, "exporter");
        String name = requireName("exporter", exporter.name());
        if (exporters.stream().anyMatch(other -> other.name().equals(name))) {
            throw new IllegalArgumentException("exporter: two exporters named '" + name + "'");
        }
        exporters.add(exporter);
        return this;
    }

    /**
     * Adds a listener that receives every snapshot from the first tick on; see also
     * {@link MonitoringService#subscribe}.
     *
     * @param listener the listener
     * @return this builder
     */
    public MonitoringServiceBuilder listener(SnapshotListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Adds an alert rule, replacing the default rule for the same component, metric and resource (defaults:
     * memory above 80/90 %, disk usage above 85/95 %, disk free below 2/0.5 GB).
     *
     * @param rule for example {@code AlertRule.above("memory", "usage_percent").warning(75).critical(85)}
     * @return this builder
     */
    public MonitoringServiceBuilder alertRule(AlertRule rule) {
        alertRules.add(Objects.requireNonNull(rule, "alertRule"));
        return this;
    }

    /**
     * Adds an alert handler; it receives the alerts raised at each tick on a thread of its own.
     *
     * @param handler a handler whose name no other added handler has
     * @return this builder
     */
    public MonitoringServiceBuilder alertHandler(AlertHandler handler) {
        Objects.requireNonNull(handler, "alertHandler");
        String name = requireName("alertHandler", handler.name());
        if (alertHandlers.stream().anyMatch(other -> other.name().equals(name))) {
            throw new IllegalArgumentException("alertHandler: two alert handlers named '" + name + "'");
        }
        alertHandlers.add(handler);
        return this;
    }

    /**
     * How long an alert of the same component, metric, resource and level is held back after it was raised.
     * Default 300 s.
     *
     * @param cooldown not negative; zero lets every tick's alerts out
     * @return this builder
     */
    public MonitoringServiceBuilder alertCooldown(Duration cooldown) {
        requireUnset("alertCooldown", this.alertCooldown);
        Objects.requireNonNull(cooldown, "alertCooldown");
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("alertCooldown: must not be negative, got " + Durations.format(cooldown));
        }
        this.alertCooldown = cooldown;
        return this;
    }

    /**
     * Whether monitors, exporters and alert handlers listed in {@code META-INF/services} are loaded.
     * Default true.
     *
     * @param enabled false to use only what is built in or added
     * @return this builder
     */
    public MonitoringServiceBuilder discovery(boolean enabled) {
        requireUnset("discovery", this.discovery);
        this.discovery = enabled;
        return this;
    }

    /**
     * The clock of timestamps, history age and exports. Default: the system clock in the default zone.
     *
     * @param clock the clock
     * @return this builder
     */
    public MonitoringServiceBuilder clock(Clock clock) {
        requireUnset("clock", this.clock);
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * The time source of the schedule. Default: the JVM's monotonic clock.
     *
     * @param ticker the ticker, for example a {@link io.wsmon.core.time.ManualClock} in tests
     * @return this builder
     */
    public MonitoringServiceBuilder ticker(Ticker ticker) {
        requireUnset("ticker", this.ticker);
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        return this;
    }

    /**
     * A setting for extensions, read through {@link io.wsmon.api.MonitorContext#setting(String)}. The
     * built-in monitors' settings ({@link CollectSettings}: {@code monitors.disable}, {@code processes.top},
     * {@code processes.interval}) are checked here; {@code monitors.disable} works as {@link #disable} for
     * each name it lists.
     *
     * @param key the key, for example {@code gpu.nvidia_smi}
     * @param value its value
     * @return this builder
     * @throws IllegalArgumentException naming the key and the bad value of a built-in monitor's setting
     */
    public MonitoringServiceBuilder setting(String key, String value) {
        requireName("setting", key);
        Objects.requireNonNull(value, "setting value");
        CollectSettings.check(key, value);
        settings.put(key, value);
        return this;
    }

    /**
     * Creates the service without starting it.
     *
     * @return a service in state {@link ServiceStatus#NEW}
     */
    public MonitoringService build() {
        Duration tick = interval == null ? DEFAULT_INTERVAL : interval;
        Duration timeout = collectTimeout == null ? tick.dividedBy(2) : collectTimeout;
        if (timeout.compareTo(tick) > 0) {
            throw new IllegalArgumentException("collectTimeout: " + Durations.format(timeout)
                    + " is longer than the interval " + Durations.format(tick));
        }
        ServiceConfig config = new ServiceConfig(
                tick,
                timeout,
                historySize == null ? DEFAULT_HISTORY_SIZE : historySize,
                historyMaxAge == null ? DEFAULT_HISTORY_MAX_AGE : historyMaxAge,
                exportInterval == null ? DEFAULT_EXPORT_INTERVAL : exportInterval,
                diskPaths == null ? List.of(Path.of(DEFAULT_DISK_PATH)) : diskPaths,
                clock == null ? Clock.systemDefaultZone() : clock,
                ticker == null ? Ticker.system() : ticker,
                discovery == null || discovery,
                only,
                disabledNames(),
                List.copyOf(monitors),
                List.copyOf(exporters),
                List.copyOf(listeners),
                Map.copyOf(settings),
                List.copyOf(alertRules),
                List.copyOf(alertHandlers),
                alertCooldown);
        for (Monitor<?> monitor : monitors) {
            if (BUILT_IN_MONITORS.contains(monitor.name()) && config.isMonitorEnabled(monitor.name())) {
                throw new IllegalArgumentException("monitor: two monitors named '" + monitor.name()
                        + "': the built-in one and " + monitor.getClass().getName()
                        + "; disable the built-in one with disable(\"" + monitor.name() + "\")");
            }
        }
        return new MonitoringService(config);
    }

    /**
     * Creates and starts the service.
     *
     * @return a running service
     */
    public MonitoringService start() {
        return build().start();
    }

    private Set<String> disabledNames() {
        Set<String> names = new LinkedHashSet<>(disabled);
        names.addAll(CollectSettings.disabledMonitors(settings));
        return Set.copyOf(names);
    }

    private static void requireUnset(String option, Object current) {
        if (current != null) {
            throw new IllegalStateException(option + ": already set to " + current);
        }
    }

    private static Duration requireBetween(String option, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, option);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(option + ": must be between " + Durations.format(min) + " and "
                    + Durations.format(max) + ", got " + Durations.format(value));
        }
        return value;
    }

    private static String[] requireNames(String option, String... names) {
        for (String name : names) {
            requireName(option, name);
        }
        return names;
    }

    private static String requireName(String option, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(option + ": a name must not be empty");
        }
        return name;
    }
}
