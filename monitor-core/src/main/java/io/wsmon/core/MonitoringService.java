package io.wsmon.core;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;
import io.wsmon.api.Exporter;
import io.wsmon.api.Monitor;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SnapshotListener;
import io.wsmon.api.SnapshotSource;
import io.wsmon.api.SourceHealth;
import io.wsmon.core.alert.AlertManager;
import io.wsmon.core.collect.BuiltInMonitors;
import io.wsmon.core.collect.GcReport;
import io.wsmon.core.collect.HeapTrend;
import io.wsmon.core.collect.JvmMonitor;
import io.wsmon.core.collect.SectionBundle;
import io.wsmon.core.format.SystemSummary;
import io.wsmon.core.json.SnapshotCodec;
import io.wsmon.core.format.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a snapshot of every monitor at a fixed rate, keeps a history, and hands each snapshot to
 * listeners and exporters. Thread-safe.
 *
 * <pre>{@code
 * try (MonitoringService service = MonitoringService.builder().interval(Duration.ofSeconds(1)).start()) {
 *     service.subscribe(snapshot -> System.out.println(snapshot.jsonText()));
 *     ...
 * }
 * }</pre>
 *
 * <p>Where a snapshot is born: {@link #tick()} runs every monitor on its own thread, waits for them
 * until the collect timeout, encodes the snapshot once ({@link Snapshot#json()}), stores it and
 * publishes it. A monitor that throws or hangs loses only its own section for that tick; a listener or
 * exporter that throws or is slow never delays a tick.
 */
public final class MonitoringService implements SnapshotSource, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MonitoringService.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final ServiceConfig config;
    private final SnapshotCodec codec = new SnapshotCodec();
    private final SnapshotHistory history;
    private final ListenerHub listeners = new ListenerHub();
    private final AtomicReference<ServiceStatus> status = new AtomicReference<>(ServiceStatus.NEW);
    private final Object lifecycle = new Object();
    private final List<MonitorLane> lanes = new CopyOnWriteArrayList<>(); // read by statistics() during start
    private final List<ExporterRunner> exporters = new ArrayList<>();
    private final ServiceContext context;
    private final AlertManager alerts;
    private FixedRateLoop schedule;
    private volatile Snapshot current;
    private volatile Instant startTime;
    private long seq;
    private final TickTimes tickTimes = new TickTimes();

    MonitoringService(ServiceConfig config) {
        this.config = config;
        this.history = new SnapshotHistory(config.historySize(), config.historyMaxAge());
        this.context = new ServiceContext(config.clock(), config.interval(), config.settings(), this::activeAlerts);
        this.alerts = createAlertManager(config);
    }

    private static AlertManager createAlertManager(ServiceConfig config) {
        AlertManager.Builder builder = AlertManager.builder().clock(config.clock());
        if (config.alertCooldown() != null) {
            builder.cooldown(config.alertCooldown());
        }
        config.alertRules().forEach(builder::rule);
        config.alertHandlers().stream().filter(h -> config.isEnabled(h.name())).forEach(builder::handler);
        return builder.build();
    }

    /**
     * Starts configuring a service.
     *
     * @return a new builder
     */
    public static MonitoringServiceBuilder builder() {
        return new MonitoringServiceBuilder();
    }

    /**
     * Starts monitors and exporters, then collects the first snapshot at once and one every interval.
     * A monitor or exporter that cannot start is left out and logged once. Calling it on a running
     * service does nothing.
     *
     * @return this service
     * @throws IllegalStateException when the service was stopped: a service does not restart
     */
    public MonitoringService start() {
        synchronized (lifecycle) {
            ServiceStatus now = status.get();
            if (now == ServiceStatus.RUNNING) {
                return this;
            }
            if (now != ServiceStatus.NEW) {
                throw new IllegalStateException("start: the service was stopped and cannot be started again");
            }
            status.set(ServiceStatus.STARTING);
            try {
                startTime = config.clock().instant();
                Map<MonitorLane, Future<?>> monitorStarts = beginStarts(resolveMonitors());
                // exporters and alert handlers are found and started while the monitors start on their lanes
                for (Exporter exporter : resolveExporters()) {
                    startExporter(exporter);
                }
                config.listeners().forEach(listeners::subscribe);
                addDiscoveredAlertHandlers();
                alerts.start(context);
                awaitStarts(monitorStarts);
                schedule = new FixedRateLoop("wsmon-collector", config.ticker(), config.interval(), true, this::tick);
                status.set(ServiceStatus.RUNNING);
                schedule.start();
            } catch (RuntimeException | Error e) {
                shutDown();
                status.set(ServiceStatus.STOPPED);
                throw e;
            }
            if (log.isDebugEnabled()) { // the arguments cost a stream and a lambda beside the first tick
                log.debug("wsmon {} collecting every {}: {}", Version.current(), Durations.format(config.interval()),
                        lanes.stream().map(MonitorLane::name).toList());
            }
            return this;
        }
    }

    private List<Monitor<?>> resolveMonitors() {
        List<Monitor<?>> resolved = new ArrayList<>(BuiltInMonitors.create(config.diskPaths(), config::isMonitorEnabled));
        Set<String> names = new HashSet<>();
        resolved.forEach(m -> names.add(m.name()));
        for (Monitor<?> monitor : config.monitors()) {
            names.add(monitor.name());
            resolved.add(monitor);
        }
        if (config.discovery()) {
            for (Monitor<?> monitor : Extensions.load(Monitor.class, classLoader())) {
                if (!config.isMonitorEnabled(monitor.name())) {
                    log.debug("discovered monitor '{}' is disabled", monitor.name());
                } else if (!names.add(monitor.name())) {
                    log.warn("discovered monitor {} is named '{}' like another monitor; it is left out",
                            monitor.getClass().getName(), monitor.name());
                } else {
                    resolved.add(monitor);
                }
            }
        }
        return resolved;
    }

    /**
     * Starts each monitor on its lane; the lanes are kept (and closed by a failed start) from now on. Monitors
     * with a thread of their own start first, so that they start while the inline ones start on this thread.
     */
    private Map<MonitorLane, Future<?>> beginStarts(List<Monitor<?>> monitors) {
        for (Monitor<?> monitor : monitors) {
            lanes.add(new MonitorLane(monitor));
        }
        Map<MonitorLane, Future<?>> starting = new LinkedHashMap<>();
        for (MonitorLane lane : lanes) {
            if (!lane.isInline()) {
                starting.put(lane, lane.start(context));
            }
        }
        for (MonitorLane lane : lanes) {
            if (lane.isInline()) {
                starting.put(lane, lane.start(context));
            }
        }
        return starting;
    }

    /** Leaves out, and closes, the lanes whose monitor did not start within the start timeout. */
    private void awaitStarts(Map<MonitorLane, Future<?>> starting) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        for (Map.Entry<MonitorLane, Future<?>> entry : starting.entrySet()) {
            MonitorLane lane = entry.getKey();
            try {
                entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                MonitorLane.rethrowFatal(e);
                if (e.getCause() instanceof MonitorUnavailableException unavailable) {
                    log.info("monitor '{}' unavailable, its section is left out: {}", lane.name(), unavailable.getMessage());
                } else if (e.getCause() instanceof IllegalArgumentException badSetting) {
                    // a setting rejected by the monitor: the message names the key, a stack trace adds nothing
                    log.warn("monitor '{}' rejected its settings, its section is left out: {}", lane.name(),
                            badSetting.getMessage());
                } else {
                    log.warn("monitor '{}' failed to start, its section is left out", lane.name(), e.getCause());
                }
                leaveOut(lane);
            } catch (TimeoutException e) {
                log.warn("monitor '{}' did not start within {}, its section is left out", lane.name(),
                        Durations.format(START_TIMEOUT));
                leaveOut(lane);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                leaveOut(lane);
            }
        }
    }

    private void leaveOut(MonitorLane lane) {
        lanes.remove(lane);
        lane.close();
    }

    private List<Exporter> resolveExporters() {
        List<Exporter> resolved = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Exporter> candidates = new ArrayList<>(config.exporters());
        if (config.discovery()) {
            candidates.addAll(Extensions.load(Exporter.class, classLoader()));
        }
        for (Exporter exporter : candidates) {
            if (!config.isEnabled(exporter.name())) {
                continue;
            }
            if (!names.add(exporter.name())) {
                log.warn("exporter {} is named '{}' like another exporter; it is left out",
                        exporter.getClass().getName(), exporter.name());
                continue;
            }
            resolved.add(exporter);
        }
        return resolved;
    }

    private void startExporter(Exporter exporter) {
        try {
            exporter.start(context);
        } catch (MonitorUnavailableException e) {
            // a discovered exporter without settings, as an unconfigured alert handler: nothing to warn about
            log.debug("exporter '{}' is not configured and is left out: {}", exporter.name(), e.getMessage());
            return;
        } catch (Exception e) {
            log.warn("exporter '{}' failed to start and is left out", exporter.name(), e);
            return;
        }
        Duration interval = exporter.interval().orElse(config.exportInterval());
        ExporterRunner runner = new ExporterRunner(exporter, interval, () -> current, config.clock(), config.ticker());
        exporters.add(runner);
        runner.start();
    }

    private void addDiscoveredAlertHandlers() {
        if (!config.discovery()) {
            return;
        }
        for (AlertHandler handler : Extensions.load(AlertHandler.class, classLoader())) {
            if (!config.isEnabled(handler.name())) {
                log.debug("discovered alert handler '{}' is disabled", handler.name());
            } else if (alerts.handlers().get(handler.name()).isPresent()) {
                // the one added in code wins; the discovered one may well be unconfigured, so no warning
                log.debug("discovered alert handler {} is named '{}' like one added in code, which is used",
                        handler.getClass().getName(), handler.name());
            } else {
                alerts.handlers().add(handler);
            }
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : MonitoringService.class.getClassLoader();
    }

    /** One collection: every monitor, then the snapshot, stored and published (encoded by its first reader). */
    private void tick() {
        long began = config.ticker().nanoTime();
        OffsetDateTime timestamp = OffsetDateTime.now(config.clock()).truncatedTo(ChronoUnit.MICROS);
        List<Future<?>> readings = new ArrayList<>(lanes.size());
        for (MonitorLane lane : lanes) { // threaded monitors first, so they run while the inline ones do
            readings.add(lane.isInline() ? null : lane.begin());
        }
        for (int i = 0; i < lanes.size(); i++) {
            if (lanes.get(i).isInline()) {
                readings.set(i, lanes.get(i).begin());
            }
        }
        long deadline = began + config.collectTimeout().toNanos();
        Map<String, Object> sections = new LinkedHashMap<>();
        try {
            for (int i = 0; i < lanes.size(); i++) {
                Future<?> reading = readings.get(i);
                if (reading == null) {
                    continue;
                }
                Object value = lanes.get(i).await(reading, deadline - config.ticker().nanoTime());
                if (value instanceof SectionBundle bundle) {
                    sections.putAll(bundle.sections());
                } else if (value != null) {
                    sections.put(lanes.get(i).name(), value);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        List<Alert> raised = alerts.evaluate(timestamp, sections);
        Snapshot snapshot = Snapshot.of(++seq, timestamp, sections, raised, codec::encode);
        history.add(snapshot);
        current = snapshot;
        listeners.publish(snapshot);
        tickTimes.record(config.ticker().nanoTime() - began);
    }

    /**
     * Stops collecting, exports the latest snapshot once more, and closes every monitor and exporter,
     * waiting a bounded time for each. Idempotent.
     */
    public void stop() {
        synchronized (lifecycle) {
            if (status.get() == ServiceStatus.NEW) {
                status.set(ServiceStatus.STOPPED);
                return;
            }
            if (status.get() != ServiceStatus.RUNNING) {
                return;
            }
            status.set(ServiceStatus.STOPPING);
            shutDown();
            status.set(ServiceStatus.STOPPED);
            log.debug("wsmon stopped after {} ticks", tickTimes.count());
        }
    }

    /** Closes whatever has started; alert deliveries and the last exports wind down side by side. */
    private void shutDown() {
        if (schedule != null) {
            schedule.close();
        }
        CompletableFuture<Void> alertsClosed = CompletableFuture.runAsync(alerts::close);
        exporters.forEach(ExporterRunner::close);
        alertsClosed.join();
        listeners.close();
        lanes.forEach(MonitorLane::close);
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /**
     * @return where the service is in its life
     */
    public ServiceStatus status() {
        return status.get();
    }

    /**
     * @return true while the service collects
     */
    @Override
    public boolean isRunning() {
        return status.get() == ServiceStatus.RUNNING;
    }

    /**
     * @return the time between two ticks
     */
    @Override
    public Duration interval() {
        return config.interval();
    }

    /**
     * @return when the service started; {@code null} before start
     */
    public Instant startTime() {
        return startTime;
    }

    /**
     * The extension settings given to the builder ({@code gpu.backend}, ...), which a server streaming
     * this service hands to its HTTP endpoints.
     *
     * @return every setting by key
     */
    public Map<String, String> settings() {
        return config.settings();
    }

    /**
     * @return the codec that encoded the snapshots, for messages that embed them
     */
    public SnapshotCodec codec() {
        return codec;
    }

    /**
     * @return the newest snapshot; empty before the first tick
     */
    @Override
    public Optional<Snapshot> currentSnapshot() {
        return Optional.ofNullable(current);
    }

    /**
     * The newest snapshots of the history.
     *
     * @param count how many at most
     * @return up to {@code count} snapshots, oldest first, newest last
     */
    @Override
    public List<Snapshot> history(int count) {
        return history.last(count);
    }

    /**
     * The snapshots of the history no older than an age.
     *
     * @param maxAge how far back
     * @return the snapshots taken within {@code maxAge} of now, oldest first
     */
    public List<Snapshot> history(Duration maxAge) {
        return history.since(OffsetDateTime.now(config.clock()).minus(maxAge));
    }

    /**
     * Adds a listener. It is called on a delivery thread with every snapshot from the next tick on,
     * skipping to the newest when it falls behind.
     *
     * @param listener the listener
     * @return the subscription; close it to stop delivery
     */
    @Override
    public Subscription subscribe(SnapshotListener listener) {
        AutoCloseable registration = listeners.subscribe(listener);
        return () -> {
            try {
                registration.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /**
     * Makes every exporter export the newest snapshot now (the seed's {@code force_export()}).
     *
     * @return completes when every exporter is done; exceptionally when one failed
     */
    public CompletableFuture<Void> forceExport() {
        return CompletableFuture.allOf(exporters.stream().map(ExporterRunner::exportNow).toArray(CompletableFuture[]::new));
    }

    /**
     * @return the conditions above an alert threshold now, including those the cooldown keeps out of the
     *     snapshots' {@code alerts}
     */
    @Override
    public List<Alert> activeAlerts() {
        return alerts.activeAlerts();
    }

    /**
     * @return the last alerts raised, oldest first
     */
    @Override
    public List<Alert> recentAlerts() {
        return alerts.recentAlerts();
    }

    /**
     * The alert engine: change thresholds and the cooldown while running, add callbacks, manage handlers.
     *
     * @return the service's alert manager
     */
    public AlertManager alerts() {
        return alerts;
    }

    /**
     * @return the service's counters
     */
    public ServiceStatistics statistics() {
        Map<String, MonitorStatistics> monitors = new LinkedHashMap<>();
        lanes.forEach(lane -> monitors.put(lane.name(), lane.statistics()));
        Map<String, ExporterStatistics> exported = new LinkedHashMap<>();
        exporters.forEach(runner -> exported.put(runner.name(), runner.statistics()));
        return tickTimes.statistics(schedule == null ? 0 : schedule.missedRuns(), listeners.skips(), monitors, exported);
    }

    /**
     * @return the service's health: the verdict, the problems found, the leak check and the counters
     */
    public HealthReport healthReport() {
        return HealthCheck.evaluate(status.get(), startTime, config.clock().instant(), config.interval(), current,
                statistics());
    }

    /**
     * The health {@code /healthz} reports: the verdict and problems of {@link #healthReport()}.
     *
     * @return the health now
     */
    @Override
    public SourceHealth health() {
        HealthReport report = healthReport();
        SourceHealth.Verdict verdict = switch (report.health()) {
            case HEALTHY -> SourceHealth.Verdict.HEALTHY;
            case DEGRADED -> SourceHealth.Verdict.DEGRADED;
            case UNHEALTHY -> SourceHealth.Verdict.UNHEALTHY;
        };
        return new SourceHealth(verdict, report.status() == ServiceStatus.RUNNING, report.problems());
    }

    /**
     * The growth rate and average of the live heap (heap in use right after the last collection) over a
     * window, from the {@code jvm} section's leak check (the seed's {@code get_memory_trend(minutes)}).
     * Its samples are kept every {@code jvm.leak_window / 120} (30 s with the default window of 1 h), so
     * a window needs at least two of those to give a trend.
     *
     * @param window how far back from now, above 0 and at most {@code jvm.leak_window}
     * @return the trend; empty until two samples fall in the window
     * @throws IllegalArgumentException when the window is not above 0 or longer than {@code jvm.leak_window},
     *     naming both
     * @throws IllegalStateException when the {@code jvm} section is not collected: the service is not
     *     started, or the section is disabled
     */
    public Optional<HeapTrend> jvmTrend(Duration window) {
        for (MonitorLane lane : List.copyOf(lanes)) {
            if (lane.monitor() instanceof JvmMonitor jvm) {
                return jvm.trend(window);
            }
        }
        throw new IllegalStateException("jvmTrend: the jvm section is not collected (service " + status.get()
                + ", or the section is disabled or its settings were rejected)");
    }

    /**
     * Runs a full garbage collection now and reports the heap it freed (the seed's
     * {@code force_garbage_collection()}). It pauses the application like any full collection; the
     * service need not be running.
     *
     * @return the heap in use before and after, the bytes freed and the collections counted
     */
    public GcReport forceGc() {
        return GcReport.run();
    }

    /**
     * @return the newest snapshot as a few lines of text; a note when there is none yet
     */
    public String systemSummary() {
        Snapshot snapshot = current;
        return snapshot == null ? "No snapshot collected yet." : SystemSummary.of(snapshot);
    }
}
