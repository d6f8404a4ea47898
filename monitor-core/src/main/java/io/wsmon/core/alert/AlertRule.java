package io.wsmon.core.alert;

import io.wsmon.api.AlertLevel;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A threshold rule on one metric: {@code AlertRule.above("memory", "usage_percent").warning(80).critical(90)},
 * {@code AlertRule.below("disk", "free_gb").warning(2).critical(0.5)}.
 *
 * <p>Immutable: each method returns a new rule. Every method checks its input at once and throws
 * {@link IllegalArgumentException} naming the problem: an unknown component or metric, the wrong direction
 * for the metric, a percentage outside 0–100, a warning threshold beyond the critical one.
 *
 * <p>A rule without {@link #forResource resource} applies to every instance of the component (every disk
 * path, every GPU); a rule for one resource takes precedence over it for that instance. A rule may have
 * only one of its two thresholds. A rule made by the user is enabled; the default rules for CPU, swap and
 * GPU are present but disabled until enabled or given a threshold.
 */
public final class AlertRule {

    private final AlertMetric metric;
    private final String resource;
    private final Double warning;
    private final Double critical;
    private final boolean enabled;

    private AlertRule(AlertMetric metric, String resource, Double warning, Double critical, boolean enabled) {
        this.metric = metric;
        this.resource = resource;
        this.warning = warning;
        this.critical = critical;
        this.enabled = enabled;
    }

    /**
     * A rule that alerts when the value rises to a threshold.
     *
     * @param component the component, for example {@code "memory"}
     * @param metric the metric, for example {@code "usage_percent"}
     * @return an enabled rule with no threshold yet
     * @throws IllegalArgumentException for an unknown pair, or one that alerts downwards such as {@code disk free_gb}
     */
    public static AlertRule above(String component, String metric) {
        return create(component, metric, Direction.ABOVE);
    }

    /**
     * A rule that alerts when the value falls to a threshold.
     *
     * @param component the component, for example {@code "disk"}
     * @param metric the metric, for example {@code "free_gb"}
     * @return an enabled rule with no threshold yet
     * @throws IllegalArgumentException for an unknown pair, or one that alerts upwards such as {@code memory usage_percent}
     */
    public static AlertRule below(String component, String metric) {
        return create(component, metric, Direction.BELOW);
    }

    private static AlertRule create(String component, String metric, Direction direction) {
        AlertMetric known = AlertMetric.of(component, metric);
        if (known.direction() != direction) {
            throw new IllegalArgumentException(known + " alerts when the value is " + known.direction().word()
                    + " a threshold, not " + direction.word() + ": use AlertRule." + known.direction().word()
                    + "(\"" + component + "\", \"" + metric + "\")");
        }
        return of(known);
    }

    /**
     * @param metric a known metric
     * @return an enabled rule on it, in its direction, with no threshold yet
     */
    static AlertRule of(AlertMetric metric) {
        return new AlertRule(metric, null, null, null, true);
    }

    /**
     * The rules a manager starts with (SPEC §6/§7): memory above 80/90 %, disk usage above 85/95 %, disk free
     * space below 2/0.5 GB, enabled; CPU above 80/95 %, swap above 80/90 %, GPU memory above 80/95 %, GPU
     * temperature above 80/90 °C, sensor temperature above 80/90 °C, container memory above 80/90 % of its
     * limit, disk busy time above 80/95 % and memory pressure (PSI some avg10) above 10/25 %, disabled.
     *
     * @return the default rules, one per known metric
     */
    public static List<AlertRule> defaults() {
        return List.of(
                above("cpu", "usage_percent").warning(80).critical(95).enabled(false),
                above("memory", "usage_percent").warning(80).critical(90),
                above("swap", "usage_percent").warning(80).critical(90).enabled(false),
                above("disk", "usage_percent").warning(85).critical(95),
                below("disk", "free_gb").warning(2).critical(0.5),
                above("gpu", "memory_percent").warning(80).critical(95).enabled(false),
                above("gpu", "temperature").warning(80).critical(90).enabled(false),
                above("sensors", "temperature").warning(80).critical(90).enabled(false),
                above("container", "memory_percent").warning(80).critical(90).enabled(false),
                above("disk_io", "busy_percent").warning(80).critical(95).enabled(false),
                above("pressure", "memory_some_avg10").warning(10).critical(25).enabled(false));
    }

    /**
     * Sets the warning threshold.
     *
     * @param threshold in the metric's unit
     * @return a new rule
     * @throws IllegalArgumentException when the value is not valid for the metric or beyond the critical threshold
     */
    public AlertRule warning(double threshold) {
        return withThresholds(threshold, critical);
    }

    /**
     * Sets the critical threshold.
     *
     * @param threshold in the metric's unit
     * @return a new rule
     * @throws IllegalArgumentException when the value is not valid for the metric or short of the warning threshold
     */
    public AlertRule critical(double threshold) {
        return withThresholds(warning, threshold);
    }

    /**
     * Sets the threshold of one level.
     *
     * @param level which threshold
     * @param threshold in the metric's unit
     * @return a new rule
     * @throws IllegalArgumentException when the value is not valid
     */
    public AlertRule threshold(AlertLevel level, double threshold) {
        return level == AlertLevel.WARNING ? warning(threshold) : critical(threshold);
    }

    /**
     * Sets both thresholds at once, checked together; {@code null} leaves a level without threshold.
     *
     * @param newWarning the warning threshold, or {@code null}
     * @param newCritical the critical threshold, or {@code null}
     * @return a new rule
     * @throws IllegalArgumentException when a value is not valid for the metric, or warning is beyond critical
     */
    public AlertRule withThresholds(Double newWarning, Double newCritical) {
        check(AlertLevel.WARNING, newWarning);
        check(AlertLevel.CRITICAL, newCritical);
        if (newWarning != null && newCritical != null && metric.direction().beyond(newWarning, newCritical)) {
            throw new IllegalArgumentException(metric + ": warning threshold " + newWarning + " is "
                    + metric.direction().word() + " the critical threshold " + newCritical + "; a rule that alerts "
                    + metric.direction().word() + " a threshold needs warning " + (metric.direction() == Direction.ABOVE
                            ? "<=" : ">=") + " critical");
        }
        return new AlertRule(metric, resource, newWarning, newCritical, enabled);
    }

    private void check(AlertLevel level, Double value) {
        if (value == null) {
            return;
        }
        String problem = metric.unit().problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(metric + " " + level.name().toLowerCase(Locale.ROOT)
                    + " threshold " + problem);
        }
    }

    /**
     * Restricts the rule to one instance of a component that has several: a disk path, a GPU id, a sensor or a
     * block device.
     *
     * @param name the disk path as configured (for example {@code "/data"}), the GPU index (for example
     *     {@code "0"}), the sensor as {@code chip/label} (for example {@code "coretemp/Package id 0"}) or the
     *     block device (for example {@code "sda"})
     * @return a new rule
     * @throws IllegalArgumentException when the component has a single instance or the name is blank
     */
    public AlertRule forResource(String name) {
        Objects.requireNonNull(name, "resource");
        if (!metric.perResource()) {
            throw new IllegalArgumentException(metric + " has a single instance; a rule for it cannot name resource '"
                    + name + "'");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException(metric + ": resource name must not be blank");
        }
        return new AlertRule(metric, name, warning, critical, enabled);
    }

    /**
     * Turns the rule on or off; an off rule never alerts.
     *
     * @param on whether the rule is checked
     * @return a new rule
     */
    public AlertRule enabled(boolean on) {
        return new AlertRule(metric, resource, warning, critical, on);
    }

    /** @return the watched metric */
    public AlertMetric definition() {
        return metric;
    }

    /** @return the component, for example {@code "memory"} */
    public String component() {
        return metric.component();
    }

    /** @return the metric, for example {@code "usage_percent"} */
    public String metric() {
        return metric.metric();
    }

    /** @return the instance this rule is restricted to, or empty for every instance */
    public Optional<String> resource() {
        return Optional.ofNullable(resource);
    }

    /** @return whether the rule alerts above or below its thresholds */
    public Direction direction() {
        return metric.direction();
    }

    /** @return the warning threshold in the metric's unit, empty when none */
    public OptionalDouble warningThreshold() {
        return warning == null ? OptionalDouble.empty() : OptionalDouble.of(warning);
    }

    /** @return the critical threshold in the metric's unit, empty when none */
    public OptionalDouble criticalThreshold() {
        return critical == null ? OptionalDouble.empty() : OptionalDouble.of(critical);
    }

    /** @return whether the rule is checked */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * The most serious level a value reaches under this rule.
     *
     * @param value the measured value
     * @return the level, or {@code null} when the value reaches no threshold or the rule is off
     */
    AlertLevel levelOf(double value) {
        if (!enabled) {
            return null;
        }
        if (critical != null && metric.direction().reached(value, critical)) {
            return AlertLevel.CRITICAL;
        }
        if (warning != null && metric.direction().reached(value, warning)) {
            return AlertLevel.WARNING;
        }
        return null;
    }

    /**
     * @param level a level
     * @return that level's threshold; only called for a level the rule has
     */
    double thresholdOf(AlertLevel level) {
        return level == AlertLevel.CRITICAL ? critical : warning;
    }

    /** @return the threshold a value must get back past for the condition to clear */
    double firstThreshold() {
        return warning != null ? warning : critical;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlertRule r && metric == r.metric && Objects.equals(resource, r.resource)
                && Objects.equals(warning, r.warning) && Objects.equals(critical, r.critical) && enabled == r.enabled;
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, resource, warning, critical, enabled);
    }

    /** @return for example {@code AlertRule[memory usage_percent above, warning=80.0, critical=90.0]} */
    @Override
    public String toString() {
        return "AlertRule[" + metric + (resource == null ? "" : " on " + resource) + " " + direction().word()
                + ", warning=" + warning + ", critical=" + critical + (enabled ? "" : ", disabled") + "]";
    }
}
