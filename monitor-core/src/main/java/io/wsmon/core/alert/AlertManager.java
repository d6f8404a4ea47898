package io.wsmon.core.alert;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;
import io.wsmon.api.AlertLevel;
import io.wsmon.api.MonitorContext;
import io.wsmon.core.alert.delivery.AlertHandlerManager;
import io.wsmon.core.alert.delivery.DeliveryLane;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The alert engine of a service: checks the rules at each tick, holds back repeats within the cooldown, keeps
 * the active conditions and the recent alerts, and hands new alerts to callbacks and handlers without ever
 * blocking the tick.
 *
 * <pre>{@code
 * AlertManager alerts = AlertManager.builder()
 *         .rule(AlertRule.above("memory", "usage_percent").warning(75).critical(85))
 *         .handler(handler)   // any AlertHandler, for example a built-in one of monitor-alert-handlers
 *         .build();
 * alerts.start(context);
 * List<Alert> raised = alerts.evaluate(snapshotTime, sections);   // once per tick
 * }</pre>
 *
 * <p>Cooldown: after a (component, metric, resource, level) raised an alert, the same one is held back for the
 * cooldown (300 s by default); each level has its own, so an escalation to CRITICAL goes out at once. A held
 * back condition still shows in {@link #activeAlerts()}.
 *
 * <p>Resolution: when a value that raised an alert gets back to the safe side of its rule, each callback
 * added with {@link #addResolvedCallback} receives an {@link AlertResolution}. Handlers receive alerts only.
 *
 * <p>Callbacks run one at a time on a thread of their own, in order; handlers each on theirs (see
 * {@link AlertHandlerManager}). Everything public is thread-safe; rules, thresholds and the cooldown can be
 * changed while running.
 */
public final class AlertManager implements AutoCloseable {

    /** Default time a repeated alert is held back. */
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(300);
    /** Default number of alerts kept in the history. */
    public static final int DEFAULT_HISTORY_SIZE = 100;

    private final Clock clock;
    private final AlertHistory history;
    private final ConditionTracker conditions = new ConditionTracker();
    private final AlertHandlerManager handlers;
    private final DeliveryLane callbackLane;
    private final List<Consumer<? super Alert>> alertCallbacks = new CopyOnWriteArrayList<>();
    private final List<Consumer<? super AlertResolution>> resolvedCallbacks = new CopyOnWriteArrayList<>();
    private final Duration closeTimeout;
    private final Object rulesLock = new Object();
    private volatile RuleSet rules;
    private volatile Duration cooldown;
    private volatile boolean started;

    private AlertManager(Builder builder) {
        this.clock = builder.clock == null ? Clock.systemDefaultZone() : builder.clock;
        this.cooldown = builder.cooldown == null ? DEFAULT_COOLDOWN : builder.cooldown;
        this.history = new AlertHistory(builder.historySize == null ? DEFAULT_HISTORY_SIZE : builder.historySize);
        int capacity = builder.queueCapacity == null ? AlertHandlerManager.DEFAULT_QUEUE_CAPACITY : builder.queueCapacity;
        this.closeTimeout = builder.closeTimeout == null ? AlertHandlerManager.DEFAULT_CLOSE_TIMEOUT : builder.closeTimeout;
        List<AlertRule> initial = new ArrayList<>();
        if (builder.defaultRules == null || builder.defaultRules) {
            initial.addAll(AlertRule.defaults());
        }
        initial.addAll(builder.rules);
        this.rules = RuleSet.of(initial);
        this.handlers = new AlertHandlerManager(capacity, closeTimeout);
        builder.handlers.forEach(handlers::add);
        this.callbackLane = new DeliveryLane("callbacks", "alert callbacks", capacity);
    }

    /** @return a builder with the defaults: SPEC rules, 300 s cooldown, history of 100, system clock */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the handlers. Call once, before the first {@link #evaluate}. A handler that is not configured or
     * cannot start is left out and logged, as {@link AlertHandlerManager} describes; the others go on.
     *
     * @param context the service's settings and clock, handed to each handler
     * @throws IllegalStateException when already started or closed
     */
    public void start(MonitorContext context) {
        handlers.start(context);
        started = true;
    }

    /**
     * Checks the rules against one tick. Called on the collection thread: it never blocks on delivery and
     * costs microseconds.
     *
     * @param timestamp the tick's timestamp; the alerts carry it
     * @param sections the tick's sections by name ({@code memory}, {@code disks}, {@code gpu}, ...)
     * @return the alerts raised at this tick after the cooldown, for the snapshot's {@code alerts}; empty when
     *     none; unmodifiable
     * @throws IllegalStateException when not started
     */
    public List<Alert> evaluate(OffsetDateTime timestamp, Map<String, ?> sections) {
        if (!started) {
            throw new IllegalStateException("alert manager is not started; call start(context) first");
        }
        ConditionTracker.Outcome outcome = conditions.evaluate(rules, timestamp, clock.instant(), cooldown, sections);
        for (Alert alert : outcome.raised()) {
            history.add(alert);
            handlers.submit(alert);
            alertCallbacks.forEach(callback -> callbackLane.submit(() -> callback.accept(alert)));
        }
        for (AlertResolution resolution : outcome.resolved()) {
            resolvedCallbacks.forEach(callback -> callbackLane.submit(() -> callback.accept(resolution)));
        }
        return outcome.raised().isEmpty() ? List.of() : List.copyOf(outcome.raised());
    }

    /**
     * The conditions above a threshold at the latest tick: one per rule and resource at its highest level, even
     * when the cooldown kept it out of the ticks' alerts. For clients that connect while a condition lasts.
     *
     * @return the active conditions as alerts, with their latest value and timestamp
     */
    public List<Alert> activeAlerts() {
        return conditions.active();
    }

    /** @return the last alerts raised (at most the history size), newest last */
    public List<Alert> recentAlerts() {
        return history.list();
    }

    /** @return every rule, enabled or not */
    public List<AlertRule> rules() {
        return rules.all();
    }

    /**
     * @param component the component
     * @param metric the metric
     * @return the rule for every resource of that metric, or empty
     * @throws IllegalArgumentException for an unknown component or metric
     */
    public Optional<AlertRule> rule(String component, String metric) {
        return rules.get(AlertMetric.of(component, metric), null);
    }

    /**
     * Adds a rule, or replaces the rule with the same component, metric and resource.
     *
     * @param rule the rule
     */
    public void setRule(AlertRule rule) {
        Objects.requireNonNull(rule, "rule");
        synchronized (rulesLock) {
            rules = rules.with(rule);
        }
    }

    /**
     * Changes several thresholds at once, the typed form of the seed's {@code configure_thresholds(dict)}. Each
     * changed rule is enabled. Either all changes apply or, when one is invalid, none does.
     *
     * @param thresholds the changes, for example {@code Thresholds.builder().memory(70, 85).build()}
     * @throws IllegalArgumentException naming the rule a change would make invalid (warning beyond critical)
     */
    public void configureThresholds(Thresholds thresholds) {
        synchronized (rulesLock) {
            rules = rules.with(thresholds);
        }
    }

    /**
     * Changes one threshold of a component's main metric, as the seed's
     * {@code set_threshold(component, level, value)}: {@code usage_percent} for cpu, memory, swap and disk.
     * The rule is enabled.
     *
     * @param component for example {@code "memory"}
     * @param level which threshold
     * @param value in percent
     * @throws IllegalArgumentException naming an unknown component, a component with several metrics (gpu),
     *     a value out of range or a warning beyond critical
     */
    public void setThreshold(String component, AlertLevel level, double value) {
        AlertMetric metric = AlertMetric.mainMetricOf(component);
        setThreshold(component, metric.metric(), level, value);
    }

    /**
     * Changes one threshold of a metric's rule for every resource. The rule is enabled.
     *
     * @param component for example {@code "gpu"}
     * @param metric for example {@code "temperature"}
     * @param level which threshold
     * @param value in the metric's unit
     * @throws IllegalArgumentException naming an unknown component or metric, a value out of range or a warning
     *     beyond critical
     */
    public void setThreshold(String component, String metric, AlertLevel level, double value) {
        configureThresholds(Thresholds.builder().set(component, metric, level, value).build());
    }

    /**
     * Turns a metric's rule for every resource on or off.
     *
     * @param component the component
     * @param metric the metric
     * @param enabled whether the rule is checked
     * @throws IllegalArgumentException for an unknown component or metric, or when there is no such rule
     */
    public void setRuleEnabled(String component, String metric, boolean enabled) {
        AlertMetric known = AlertMetric.of(component, metric);
        synchronized (rulesLock) {
            AlertRule rule = rules.get(known, null).orElseThrow(() -> new IllegalArgumentException(
                    "no alert rule for " + known + "; add one with setRule"));
            rules = rules.with(rule.enabled(enabled));
        }
    }

    /** @return how long a repeated alert is held back */
    public Duration cooldown() {
        return cooldown;
    }

    /**
     * Changes the cooldown, from the next tick on.
     *
     * @param newCooldown not negative; zero lets every tick's alerts out
     * @throws IllegalArgumentException when negative
     */
    public void setCooldown(Duration newCooldown) {
        cooldown = checkedCooldown(newCooldown);
    }

    private static Duration checkedCooldown(Duration value) {
        Objects.requireNonNull(value, "cooldown");
        if (value.isNegative()) {
            throw new IllegalArgumentException("alert cooldown must not be negative, got " + value);
        }
        return value;
    }

    /**
     * Adds a callback for every alert raised (after the cooldown), as the seed's {@code add_alert_callback}.
     * Callbacks run on the alert callback thread, in the order raised; one that throws is counted and logged.
     *
     * @param callback the callback
     */
    public void addAlertCallback(Consumer<? super Alert> callback) {
        alertCallbacks.add(Objects.requireNonNull(callback, "callback"));
    }

    /**
     * @param callback a callback added before
     * @return whether it was there
     */
    public boolean removeAlertCallback(Consumer<? super Alert> callback) {
        return alertCallbacks.remove(callback);
    }

    /**
     * Adds a callback for conditions that cleared, on the same thread as the alert callbacks.
     *
     * @param callback the callback
     */
    public void addResolvedCallback(Consumer<? super AlertResolution> callback) {
        resolvedCallbacks.add(Objects.requireNonNull(callback, "callback"));
    }

    /**
     * @param callback a callback added before
     * @return whether it was there
     */
    public boolean removeResolvedCallback(Consumer<? super AlertResolution> callback) {
        return resolvedCallbacks.remove(callback);
    }

    /** @return how many alert and resolved callbacks threw, since the manager was built */
    public long callbackFailures() {
        return callbackLane.failed();
    }

    /** @return the handlers: add, remove, enable, filter, statistics */
    public AlertHandlerManager handlers() {
        return handlers;
    }

    /**
     * Stops delivery: waits a bounded time (2 s by default) for alerts in flight to reach handlers and
     * callbacks, interrupts what is still busy, then closes the handlers.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + closeTimeout.toNanos();
        callbackLane.shutdown(null);
        handlers.close();
        try {
            if (!callbackLane.awaitTermination(deadline)) {
                callbackLane.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callbackLane.shutdownNow();
        }
    }

    /**
     * Configures an {@link AlertManager}. Each setter checks its value at once and, except {@link #rule} and
     * {@link #handler}, may be called only once. Not thread-safe.
     */
    public static final class Builder {
        private Clock clock;
        private Duration cooldown;
        private Boolean defaultRules;
        private Integer historySize;
        private Integer queueCapacity;
        private Duration closeTimeout;
        private final List<AlertRule> rules = new ArrayList<>();
        private final List<AlertHandler> handlers = new ArrayList<>();

        private Builder() {}

        private static void once(Object current, String option) {
            if (current != null) {
                throw new IllegalStateException("alert manager " + option + " was already set to " + current);
            }
        }

        /**
         * @param value the clock the cooldown runs on; default the system clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            once(clock, "clock");
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @param value how long a repeated alert is held back; default 300 s, not negative
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder cooldown(Duration value) {
            once(cooldown, "cooldown");
            cooldown = checkedCooldown(value);
            return this;
        }

        /**
         * @param value whether to start from {@link AlertRule#defaults()}; default true
         * @return this builder
         */
        public Builder defaultRules(boolean value) {
            once(defaultRules, "defaultRules");
            defaultRules = value;
            return this;
        }

        /**
         * Adds a rule, replacing a default or earlier rule with the same component, metric and resource.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder rule(AlertRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * @param value how many alerts {@link AlertManager#recentAlerts()} keeps; default 100, at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder historySize(int value) {
            once(historySize, "historySize");
            if (value < 1) {
                throw new IllegalArgumentException("alert historySize must be at least 1, got " + value);
            }
            historySize = value;
            return this;
        }

        /**
         * @param value how many alerts may wait for one handler (and for the callbacks) before new ones are
         *     dropped; default 100, at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder queueCapacity(int value) {
            once(queueCapacity, "queueCapacity");
            if (value < 1) {
                throw new IllegalArgumentException("alert queueCapacity must be at least 1, got " + value);
            }
            queueCapacity = value;
            return this;
        }

        /**
         * @param value how long {@link AlertManager#close()} waits for deliveries in flight; default 2 s
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder closeTimeout(Duration value) {
            once(closeTimeout, "closeTimeout");
            Objects.requireNonNull(value, "closeTimeout");
            if (value.isNegative()) {
                throw new IllegalArgumentException("alert closeTimeout must not be negative, got " + value);
            }
            closeTimeout = value;
            return this;
        }

        /**
         * Adds a handler.
         *
         * @param handler the handler; its name must be unique
         * @return this builder
         */
        public Builder handler(AlertHandler handler) {
            handlers.add(Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /**
         * @return the manager, not started
         * @throws IllegalArgumentException when two handlers have the same name
         */
        public AlertManager build() {
            return new AlertManager(this);
        }
    }
}
