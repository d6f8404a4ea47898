package io.wsmon.core.alert;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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

    private record Target(AlertMetric metric, String resource) {}

    /** One (metric, resource): where it is now and when each level last fired. */
    private static final class Condition {
        AlertRule rule;
        AlertLevel level;
        double value;
        OffsetDateTime timestamp;
        long seenAtTick;
        Instant lastWarning;
        Instant lastCritical;

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

    private final Map<Target, Condition> conditions = new LinkedHashMap<>();
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
        for (AlertMetric metric : AlertMetric.values()) {
            metric.read(sections, (resource, value) -> {
                AlertRule rule = rules.applying(metric, resource);
                Target target = new Target(metric, resource);
                AlertLevel level = rule == null ? null : rule.levelOf(value);
                Condition condition = conditions.get(target);
                if (level == null) {
                    if (condition != null && condition.level != null) {
                        clear(condition, rule, value, timestamp, target, resolved);
                    }
                    return;
                }
                if (condition == null) {
                    condition = new Condition();
                    conditions.put(target, condition);
                }
                condition.rule = rule;
                condition.level = level;
                condition.value = value;
                condition.timestamp = timestamp;
                condition.seenAtTick = tick;
                Instant last = condition.lastFired(level);
                if (last == null || !now.isBefore(last.plus(cooldown))) {
                    condition.fired(level, now);
                    raised.add(alert(condition, target));
                }
            });
        }
        return new Outcome(raised, resolved);
    }

    /** A condition back to normal is resolved; one whose rule was switched off or removed is dropped silently. */
    private static void clear(Condition condition, AlertRule rule, double value, OffsetDateTime timestamp,
            Target target, List<AlertResolution> resolved) {
        if (rule != null && rule.isEnabled()) {
            double threshold = rule.firstThreshold();
            resolved.add(new AlertResolution(timestamp, target.metric().component(), target.metric().metric(),
                    target.resource(), condition.level, value, threshold,
                    target.metric().resolvedMessage(value, threshold)));
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
        conditions.forEach((target, condition) -> {
            if (condition.level != null && condition.seenAtTick == tick) {
                active.add(alert(condition, target));
            }
        });
        return active;
    }

    private static Alert alert(Condition condition, Target target) {
        double threshold = condition.rule.thresholdOf(condition.level);
        return new Alert(condition.timestamp, target.metric().component(), target.metric().metric(), target.resource(),
                condition.value, threshold, condition.level,
                target.metric().message(condition.level, condition.value, threshold));
    }
}
