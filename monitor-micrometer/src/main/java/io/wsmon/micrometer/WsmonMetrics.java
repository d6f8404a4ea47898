package io.wsmon.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.Subscription;
import io.wsmon.core.Version;
import io.wsmon.metrics.Label;
import io.wsmon.metrics.MetricFamily;
import io.wsmon.metrics.MetricType;
import io.wsmon.metrics.Sample;
import io.wsmon.metrics.snapshot.AgentFigures;
import io.wsmon.metrics.snapshot.SnapshotMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Registers wsmon's figures on a {@link MeterRegistry}: every series of {@code /metrics} (SPEC §10) as a
 * gauge or a function counter that reads the service's latest snapshot. Reading a meter collects nothing;
 * it looks the value up in the families of the latest snapshot, mapped once per snapshot.
 *
 * <p>Meters follow the snapshots: a series that appears (a disk, a GPU, an alert that becomes active) is
 * registered at the snapshot that first has it, one that is gone is removed. Names are the Prometheus names
 * under {@code wsmon.} ({@link MeterNames}), never Micrometer's own {@code system.*}, {@code process.*},
 * {@code jvm.*} or {@code disk.*}: those describe the application's JVM as Micrometer's binders see it, and
 * both sets can be bound to one registry side by side. In a Prometheus registry they come out as
 * {@code wsmon_<the /metrics name>}.
 *
 * <p>In Spring Boot one bean is enough; {@code /actuator/prometheus} then shows them:
 * <pre>{@code
 * @Bean
 * WsmonMetrics wsmonMetrics(MonitoringService service) {
 *     return new WsmonMetrics(service);
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops following the snapshots; the meters stay registered.
 */
public final class WsmonMetrics implements MeterBinder, AutoCloseable {

    private final MonitoringService service;
    private final SnapshotMetrics mapping = new SnapshotMetrics();
    private final List<Binding> bindings = new CopyOnWriteArrayList<>();
    private volatile Values latest = new Values(null, Map.of());

    /**
     * Creates a binder for a service; it reads the service when bound.
     *
     * @param service the service whose snapshots the meters read
     */
    public WsmonMetrics(MonitoringService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /**
     * Registers the meters of the latest snapshot, and follows the next snapshots.
     *
     * @param registry the registry
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Binding binding = new Binding(registry);
        bindings.add(binding);
        service.currentSnapshot().ifPresent(snapshot -> binding.follow(values(snapshot)));
        binding.subscription = service.subscribe(snapshot -> binding.follow(values(snapshot)));
    }

    /** Stops following the snapshots for every registry bound; meters stay registered and read the last values. */
    @Override
    public void close() {
        for (Binding binding : bindings) {
            binding.subscription.close();
        }
        bindings.clear();
    }

    /** The value of each series of a snapshot, computed once per snapshot. */
    private Values values(Snapshot snapshot) {
        Values current = latest;
        if (current.snapshot == snapshot) {
            return current;
        }
        AgentFigures agent = AgentFigures.of(Version.current()).withMissedTicks(service.statistics().missedTicks());
        Map<Series, Double> values = new LinkedHashMap<>();
        for (MetricFamily family : mapping.families(snapshot, service.activeAlerts(), agent)) {
            if (family.figure().prometheusName() != null) {
                for (Sample sample : family.samples()) {
                    values.put(Series.of(family, sample), sample.value());
                }
            }
        }
        Values made = new Values(snapshot, values);
        latest = made;
        return made;
    }

    private double read(Series series) {
        Double value = latest.values.get(series);
        return value == null ? Double.NaN : value;
    }

    /** The meters of one registry. */
    private final class Binding {
        private final MeterRegistry registry;
        private final Map<Series, Meter> meters = new HashMap<>();
        private volatile Subscription subscription = () -> {};

        Binding(MeterRegistry registry) {
            this.registry = registry;
        }

        synchronized void follow(Values values) {
            for (Series series : values.values.keySet()) {
                meters.computeIfAbsent(series, this::register);
            }
            List<Series> gone = new ArrayList<>();
            meters.forEach((series, meter) -> {
                if (!values.values.containsKey(series)) {
                    gone.add(series);
                    registry.remove(meter);
                }
            });
            gone.forEach(meters::remove);
        }

        private Meter register(Series series) {
            if (series.type == MetricType.COUNTER) {
                return FunctionCounter.builder(series.name, series, WsmonMetrics.this::read)
                        .description(series.help).baseUnit(series.unit).tags(series.tags).register(registry);
            }
            return Gauge.builder(series.name, series, WsmonMetrics.this::read)
                    .description(series.help).baseUnit(series.unit).tags(series.tags).strongReference(true)
                    .register(registry);
        }
    }

    /** One series: its meter's name, type, unit, help and tags. Equal when name and tags are. */
    private record Series(String name, MetricType type, String unit, String help, List<Tag> tags) {

        static Series of(MetricFamily family, Sample sample) {
            List<Tag> tags = new ArrayList<>();
            for (Label label : sample.prometheusLabels()) {
                tags.add(Tag.of(label.key().prometheus(), label.value()));
            }
            return new Series(MeterNames.of(family.figure()), family.figure().type(), family.figure().unit().prometheus(),
                    family.figure().help(), List.copyOf(tags));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Series s && s.name.equals(name) && s.tags.equals(tags);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + tags.hashCode();
        }
    }

    private record Values(Snapshot snapshot, Map<Series, Double> values) {}
}
