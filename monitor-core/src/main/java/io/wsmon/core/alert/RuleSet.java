package io.wsmon.core.alert;

import io.wsmon.api.AlertLevel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The rules of a manager, at most one per (metric, resource). Immutable: changes return a new set. Looked up
 * by enum and string only, so that a tick stays cheap even before the JIT has compiled it.
 */
final class RuleSet {

    private final List<AlertRule> ordered;
    /** Per metric: resource (null for the rule of every resource) to rule. */
    private final Map<AlertMetric, Map<String, AlertRule>> byMetric = new EnumMap<>(AlertMetric.class);

    private RuleSet(List<AlertRule> ordered) {
        this.ordered = List.copyOf(ordered);
        for (AlertRule rule : ordered) {
            byMetric.computeIfAbsent(rule.definition(), metric -> new HashMap<>()).put(rule.resource().orElse(null), rule);
        }
    }

    static RuleSet of(Collection<AlertRule> rules) {
        RuleSet set = new RuleSet(List.of());
        for (AlertRule rule : rules) {
            set = set.with(rule);
        }
        return set;
    }

    /** @return a set where {@code rule} replaces the rule with the same metric and resource */
    RuleSet with(AlertRule rule) {
        List<AlertRule> next = new ArrayList<>(ordered);
        int index = indexOf(rule.definition(), rule.resource().orElse(null));
        if (index < 0) {
            next.add(rule);
        } else {
            next.set(index, rule);
        }
        return new RuleSet(next);
    }

    private int indexOf(AlertMetric metric, String resource) {
        for (int i = 0; i < ordered.size(); i++) {
            AlertRule rule = ordered.get(i);
            if (rule.definition() == metric && Objects.equals(rule.resource().orElse(null), resource)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Applies threshold changes to the rules for every resource, enabling each rule changed. Either every
     * change applies or, when one makes a rule invalid, none does.
     *
     * @throws IllegalArgumentException naming the rule a change would make invalid
     */
    RuleSet with(Thresholds thresholds) {
        RuleSet next = this;
        for (AlertMetric metric : thresholds.metrics()) {
            AlertRule base = get(metric, null).orElseGet(() -> AlertRule.of(metric));
            Double warning = thresholds.get(metric, AlertLevel.WARNING).orElse(nullable(base.warningThreshold()));
            Double critical = thresholds.get(metric, AlertLevel.CRITICAL).orElse(nullable(base.criticalThreshold()));
            next = next.with(base.withThresholds(warning, critical).enabled(true));
        }
        return next;
    }

    private static Double nullable(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    /** @return the rule for exactly this metric and resource ({@code null}: the rule for every resource) */
    Optional<AlertRule> get(AlertMetric metric, String resource) {
        Map<String, AlertRule> rules = byMetric.get(metric);
        return Optional.ofNullable(rules == null ? null : rules.get(resource));
    }

    /** @return the rule that applies to a value of this resource: its own rule, else the metric's general rule */
    AlertRule applying(AlertMetric metric, String resource) {
        Map<String, AlertRule> rules = byMetric.get(metric);
        if (rules == null) {
            return null;
        }
        AlertRule own = resource == null ? null : rules.get(resource);
        return own != null ? own : rules.get(null);
    }

    List<AlertRule> all() {
        return ordered;
    }
}
