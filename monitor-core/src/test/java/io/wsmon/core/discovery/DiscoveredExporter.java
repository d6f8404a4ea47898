package io.wsmon.core.discovery;

import io.wsmon.api.Exporter;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.Snapshot;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** An exporter known only from this test module's {@code META-INF/services}; it records what it got. */
public final class DiscoveredExporter implements Exporter {

    /** Sequence numbers exported by any instance, in order. */
    public static final List<Long> EXPORTED = new CopyOnWriteArrayList<>();
    /** The value of the {@code discovered.greeting} setting seen at start. */
    public static volatile String greeting;

    @Override
    public String name() {
        return "discovered_exporter";
    }

    @Override
    public Optional<Duration> interval() {
        return Optional.of(Duration.ofMillis(500));
    }

    @Override
    public void start(MonitorContext context) {
        greeting = context.setting("discovered.greeting").orElse(null);
    }

    @Override
    public void export(Snapshot snapshot) {
        EXPORTED.add(snapshot.seq());
    }
}
