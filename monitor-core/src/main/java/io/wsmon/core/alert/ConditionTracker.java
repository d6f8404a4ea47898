package io.wsmon.core.alert;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state behind the rules: for each (metric, resource) the level it is at now and when each level last
 * raised an alert. Decides, tick by tick, which alerts are raised (cooldown per metric, resource and level,
 * so an escalation to CRITICAL is never held back by a WARNING sent earlier) and which conditions cleared.
 *
 * <p>The cooldown is not reset when a condition clears: a value that flaps around a threshold raises one
 * alert per cooldown, as in the seed.
 */
final class ConditionTracker {

    /**
     * What one tick produced.
     *
     * @param raised alerts that passed the cooldown
     * @param resolved conditions that cleared
     */
    record Outcome(List<Alert> raised, List<AlertResolution> resolved) {}

    private static final List<AlertMetric> METRICS = List.of(AlertMetric.values());

    /** One (metric, resource): where it is now and when each level last fired. */
    private static final class Condition {
        final AlertMetric metric;
        final String resource;
        AlertRule rule;
        AlertLevel level;
        double value;
        OffsetDateTime timestamp;
        long seenAtTick;
        Instant lastWarning;
        Instant lastCritical;

        Condition(AlertMetric metric, String resource) {
            this.metric = metric;
            this.resource = resource;
        }

        Instant lastFired(AlertLevel at) {
            return at == AlertLevel.CRITICAL ? lastCritical : lastWarning;
        }

        void fired(AlertLevel at, Instant when) {
            if (at == AlertLevel.CRITICAL) {
                lastCritical = when;
            } else {
                lastWarning = when;
            }
        }
    }

    /** Per metric: resource (null for single-instance components) to condition, in the order first seen. */
    private final Map<AlertMetric, Map<String, Condition>> conditions = new EnumMap<>(AlertMetric.class);
    private long tick;

    /**
     * Checks every rule against one tick's sections.
     *
     * @param rules the rules now
     * @param timestamp the tick's timestamp, given to the alerts
     * @param now the manager's clock, for the cooldown
     * @param cooldown how long a (metric, resource, level) stays quiet after it raised an alert
     * @param sections the tick's sections
     * @return the alerts raised and the conditions cleared
     */
    synchronized Outcome evaluate(RuleSet rules, OffsetDateTime timestamp, Instant now, Duration cooldown,
            Map<String, ?> sections) {
        tick++;
        List<Alert> raised = new ArrayList<>(0);
        List<AlertResolution> resolved = new ArrayList<>(0);
        for (AlertMetric metric : METRICS) {
            Map<String, Condition> ofMetric = conditions.computeIfAbsent(metric, m -> new LinkedHashMap<>());
            metric.read(sections, (resource, value) -> {
                AlertRule rule = rules.applying(metric, resource);
                AlertLevel level = rule == null ? null : rule.levelOf(value);
                Condition condition = ofMetric.get(resource);
                if (level == null) {
                    if (condition != null && condition.level != null) {
                        clear(condition, rule, value, timestamp, resolved);
                    }
                    return;
                }
                if (condition == null) {
                    condition = new Condition(metric, resource);
                    ofMetric.put(resource, condition);
                }
                condition.rule = rule;
                condition.level = level;
                condition.value = value;
                condition.timestamp = timestamp;
                condition.seenAtTick = tick;
                Instant last = condition.lastFired(level);
                if (last == null || !now.isBefore(last.plus(cooldown))) {
                    condition.fired(level, now);
                    raised.add(alert(condition));
                }
            });
        }
        return new Outcome(raised, resolved);
    }

    /** A condition back to normal is resolved; one whose rule was switched off or removed is dropped silently. */
    private static void clear(Condition condition, AlertRule rule, double value, OffsetDateTime timestamp,
            List<AlertResolution> resolved) {
        if (rule != null && rule.isEnabled()) {
            double threshold = rule.firstThreshold();
            AlertMetric metric = condition.metric;
            resolved.add(new AlertResolution(timestamp, metric.component(), metric.metric(), condition.resource,
                    condition.level, value, threshold, metric.resolvedMessage(value, threshold)));
        }
        condition.level = null;
    }

    /**
     * The conditions above a threshold at the latest tick, one per (metric, resource) at its level, whether or
     * not the cooldown let an alert out. A condition whose section was absent at the latest tick is left out.
     *
     * @return alerts as of each condition's latest value
     */
    synchronized List<Alert> active() {
        List<Alert> active = new ArrayList<>();
        for (Map<String, Condition> ofMetric : conditions.values()) {
            for (Condition condition : ofMetric.values()) {
                if (condition.level != null && condition.seenAtTick == tick) {
                    active.add(alert(condition));
                }
            }
        }
        return active;
    }

    private static Alert alert(Condition condition) {
        AlertMetric metric = condition.metric;
        double threshold = condition.rule.thresholdOf(condition.level);
        return new Alert(condition.timestamp, metric.component(), metric.metric(), condition.resource,
                condition.value, threshold, condition.level, metric.message(condition.level, condition.value, threshold));
    }
}
