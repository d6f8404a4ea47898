package io.wsmon.core.alert;

import io.wsmon.api.AlertLevel;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The rules of a manager, at most one per (metric, resource). Immutable: changes return a new set. */
final class RuleSet {

    private record Target(AlertMetric metric, String resource) {
        static Target of(AlertRule rule) {
            return new Target(rule.definition(), rule.resource().orElse(null));
        }
    }

    private final Map<Target, AlertRule> rules;

    private RuleSet(Map<Target, AlertRule> rules) {
        this.rules = rules;
    }

    static RuleSet of(Collection<AlertRule> rules) {
        Map<Target, AlertRule> map = new LinkedHashMap<>();
        rules.forEach(rule -> map.put(Target.of(rule), rule));
        return new RuleSet(map);
    }

    /** @return a set where {@code rule} replaces the rule with the same metric and resource */
    RuleSet with(AlertRule rule) {
        Map<Target, AlertRule> map = new LinkedHashMap<>(rules);
        map.put(Target.of(rule), rule);
        return new RuleSet(map);
    }

    /**
     * Applies threshold changes to the rules for every resource, enabling each rule changed. Either every
     * change applies or, when one makes a rule invalid, none does.
     *
     * @throws IllegalArgumentException naming the rule a change would make invalid
     */
    RuleSet with(Thresholds thresholds) {
        Map<Target, AlertRule> map = new LinkedHashMap<>(rules);
        for (AlertMetric metric : thresholds.metrics()) {
            AlertRule base = get(metric, null).orElseGet(() -> AlertRule.of(metric));
            Double warning = thresholds.get(metric, AlertLevel.WARNING).orElse(nullable(base.warningThreshold()));
            Double critical = thresholds.get(metric, AlertLevel.CRITICAL).orElse(nullable(base.criticalThreshold()));
            AlertRule changed = base.withThresholds(warning, critical).enabled(true);
            map.put(Target.of(changed), changed);
        }
        return new RuleSet(map);
    }

    private static Double nullable(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    /** @return the rule for exactly this metric and resource ({@code null}: the rule for every resource) */
    Optional<AlertRule> get(AlertMetric metric, String resource) {
        return Optional.ofNullable(rules.get(new Target(metric, resource)));
    }

    /** @return the rule that applies to a value of this resource: its own rule, else the metric's general rule */
    AlertRule applying(AlertMetric metric, String resource) {
        AlertRule own = resource == null ? null : rules.get(new Target(metric, resource));
        return own != null ? own : rules.get(new Target(metric, null));
    }

    List<AlertRule> all() {
        return List.copyOf(rules.values());
    }
}
