package io.wsmon.core;

import io.wsmon.api.Monitor;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.api.Snapshot;
import io.wsmon.core.collect.BuiltInMonitors;
import io.wsmon.core.collect.SectionBundle;
import io.wsmon.core.format.Durations;
import io.wsmon.core.json.SnapshotCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collection on demand, without a running service: the seed's
 * {@code create_system_monitor(enable_disk=False).collect()}.
 *
 * <pre>{@code
 * Snapshot snapshot = SystemMonitors.builder().only("processor", "memory").build().collect();
 * System.out.println(snapshot.processor().orElseThrow().usagePercent());
 * }</pre>
 *
 * <p>Rates and usage ({@code usage_percent}, network bytes per second, the JVM's {@code cpu_percent}) are
 * differences between two readings. The first {@link #collect()} therefore reads every monitor twice,
 * {@linkplain Builder#firstInterval a short first interval} apart (200 ms by default), and sleeps that
 * long; each later call measures since the previous one and does not sleep. The monitors run one after
 * the other on the calling thread; no thread is started, so a plain {@code main} ends when it returns.
 * A monitor that is unavailable on this machine, or fails, only loses its section (logged). The snapshot
 * carries no alerts. Thread-safe; {@link #close()} it to release what the monitors hold (the GPU library).
 */
public final class SystemMonitors implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SystemMonitors.class);

    private final List<Monitor<?>> monitors;
    private final Map<String, FailureLog> failures = new HashMap<>();
    private final Duration firstInterval;
    private final Clock clock = Clock.systemDefaultZone();
    private final SnapshotCodec codec = new SnapshotCodec();
    private long seq;
    private boolean closed;

    private SystemMonitors(List<Monitor<?>> monitors, Duration firstInterval) {
        this.monitors = monitors;
        this.firstInterval = firstInterval;
        monitors.forEach(m -> failures.put(m.name(), new FailureLog(log, "monitor '" + m.name() + "'", "failed readings")));
    }

    /**
     * Starts choosing the monitors.
     *
     * @return a new builder: every built-in monitor and every one on the class path (such as {@code gpu})
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads every monitor now. The first call reads twice, the first interval apart, and sleeps that long.
     *
     * @return a snapshot of the sections read, numbered 1, 2, ... by call
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized Snapshot collect() {
        if (closed) {
            throw new IllegalStateException("collect: these monitors are closed");
        }
        if (seq == 0) {
            read();
            try {
                Thread.sleep(firstInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("collect: interrupted during the first interval", e);
            }
        }
        OffsetDateTime timestamp = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        return Snapshot.of(++seq, timestamp, read(), List.of(), codec::encode);
    }

    private Map<String, Object> read() {
        Map<String, Object> sections = new LinkedHashMap<>();
        for (Monitor<?> monitor : monitors) {
            FailureLog failure = failures.get(monitor.name());
            try {
                Object value = monitor.collect();
                if (value instanceof SectionBundle bundle) {
                    sections.putAll(bundle.sections());
                } else if (value != null) {
                    sections.put(monitor.name(), value);
                }
                failure.succeeded();
            } catch (Exception e) {
                failure.failed("failed, its section is left out: " + FailureLog.describe(e), e);
            }
        }
        return sections;
    }

    /**
     * @return the names of the monitors that started, in section order
     */
    public List<String> names() {
        return monitors.stream().map(Monitor::name).toList();
    }

    /** Closes every monitor. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        monitors.forEach(SystemMonitors::closeQuietly);
    }

    private static void closeQuietly(Monitor<?> monitor) {
        try {
            monitor.close();
        } catch (Exception e) {
            log.warn("monitor '{}' failed to close", monitor.name(), e);
        }
    }

    /** Chooses the monitors of a {@link SystemMonitors}. Not thread-safe. */
    public static final class Builder {

        /** The default first interval. */
        public static final Duration DEFAULT_FIRST_INTERVAL = Duration.ofMillis(200);
        private static final Duration MIN_FIRST_INTERVAL = Duration.ofMillis(10);
        private static final Duration MAX_FIRST_INTERVAL = Duration.ofSeconds(10);

        private Set<String> only;
        private List<Path> diskPaths = List.of(Path.of("/"));
        private Duration firstInterval = DEFAULT_FIRST_INTERVAL;
        private final Map<String, String> settings = new HashMap<>();

        private Builder() {}

        /**
         * Reads only these monitors; checked by {@link #build()} against the built-in names
         * ({@code processor}, {@code memory}, {@code disk}, {@code system}, {@code network}, {@code jvm},
         * and on Linux {@code processes}, {@code disk_io}, {@code sensors}, {@code container},
         * {@code pressure}) and those of the monitors on the class path (such as {@code gpu}).
         *
         * @param names monitor names
         * @return this builder
         * @throws IllegalArgumentException when none is given or one is blank
         */
        public Builder only(String... names) {
            if (names.length == 0 || Arrays.stream(names).anyMatch(n -> n == null || n.isBlank())) {
                throw new IllegalArgumentException("only: names must be given and not blank, got " + Arrays.toString(names));
            }
            this.only = new LinkedHashSet<>(Arrays.asList(names));
            return this;
        }

        /**
         * The paths of the {@code disk} section; {@code /} by default.
         *
         * @param paths existing paths, the first fills {@code disk}
         * @return this builder
         * @throws IllegalArgumentException when none is given or one does not exist
         */
        public Builder diskPaths(String... paths) {
            if (paths.length == 0) {
                throw new IllegalArgumentException("diskPaths: at least one path is needed");
            }
            List<Path> checked = new ArrayList<>();
            for (String path : paths) {
                if (!Files.exists(Path.of(path))) {
                    throw new IllegalArgumentException("diskPaths: path does not exist: " + path);
                }
                checked.add(Path.of(path));
            }
            this.diskPaths = List.copyOf(checked);
            return this;
        }

        /**
         * How far apart the first call's two readings are: the span its rates are measured over.
         *
         * @param interval 10 ms to 10 s; 200 ms by default
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder firstInterval(Duration interval) {
            if (interval.compareTo(MIN_FIRST_INTERVAL) < 0 || interval.compareTo(MAX_FIRST_INTERVAL) > 0) {
                throw new IllegalArgumentException("firstInterval: must be between " + Durations.format(MIN_FIRST_INTERVAL)
                        + " and " + Durations.format(MAX_FIRST_INTERVAL) + ", got " + Durations.format(interval));
            }
            this.firstInterval = interval;
            return this;
        }

        /**
         * A monitor setting, as for the service ({@code gpu.backend}, {@code processes.top}, ...).
         *
         * @param key the setting's key
         * @param value its value, checked by the monitor that reads it
         * @return this builder
         */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /**
         * Creates and starts the monitors chosen. One that is unavailable here or fails to start is left
         * out and logged.
         *
         * @return the monitors, ready to {@link SystemMonitors#collect()}
         * @throws IllegalArgumentException naming every name given to {@link #only} that no monitor has
         */
        public SystemMonitors build() {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            List<Monitor<?>> discovered = new ArrayList<>();
            for (Monitor<?> monitor : Extensions.load(Monitor.class, loader != null ? loader : SystemMonitors.class.getClassLoader())) {
                discovered.add(monitor);
            }
            Set<String> known = new TreeSet<>(BuiltInMonitors.NAMES);
            discovered.forEach(m -> known.add(m.name()));
            if (only != null) {
                List<String> unknown = only.stream().filter(name -> !known.contains(name)).toList();
                if (!unknown.isEmpty()) {
                    throw new IllegalArgumentException("only: no monitor is named " + String.join(", ", unknown.stream()
                            .map(n -> "'" + n + "'").toList()) + "; known: " + String.join(", ", known));
                }
            }
            List<Monitor<?>> chosen = new ArrayList<>(BuiltInMonitors.create(diskPaths, this::chosen));
            Set<String> names = new LinkedHashSet<>(chosen.stream().map(Monitor::name).toList());
            discovered.stream().filter(m -> chosen(m.name()) && names.add(m.name())).forEach(chosen::add);
            ServiceContext context = new ServiceContext(Clock.systemDefaultZone(), firstInterval, settings);
            List<Monitor<?>> started = new ArrayList<>();
            for (Monitor<?> monitor : chosen) {
                try {
                    monitor.start(context);
                    started.add(monitor);
                } catch (MonitorUnavailableException e) {
                    log.info("monitor '{}' unavailable, its section is left out: {}", monitor.name(), e.getMessage());
                    closeQuietly(monitor);
                } catch (IllegalArgumentException badSetting) {
                    log.warn("monitor '{}' rejected its settings, its section is left out: {}", monitor.name(),
                            badSetting.getMessage());
                    closeQuietly(monitor);
                } catch (Exception e) {
                    log.warn("monitor '{}' failed to start, its section is left out", monitor.name(), e);
                    closeQuietly(monitor);
                }
            }
            return new SystemMonitors(List.copyOf(started), firstInterval);
        }

        private boolean chosen(String name) {
            return only == null || only.contains(name);
        }
    }
}
