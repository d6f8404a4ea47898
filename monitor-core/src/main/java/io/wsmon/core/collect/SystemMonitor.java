package io.wsmon.core.collect;

import io.wsmon.api.MonitorContext;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SystemInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The {@code system} section: static host facts, the process count and the uptime. Processes are
 * counted at most every 5 s: counting walks {@code /proc}, the most expensive reading of a tick, and the
 * figure moves slowly.
 */
public final class SystemMonitor extends ProbeMonitor<SystemInfo> {

    private static final Duration PROCESS_COUNT_EVERY = Duration.ofSeconds(5);

    private final HostFacts facts;
    private Clock clock = Clock.systemDefaultZone();
    private OffsetDateTime bootTime;
    private int processes;
    private Instant processesCountedAt = Instant.MIN;

    /**
     * @param facts the host's static facts
     * @param probe where the process count is read
     */
    public SystemMonitor(HostFacts facts, HostProbe probe) {
        super(probe);
        this.facts = facts;
    }

    @Override
    public String name() {
        return Snapshot.SYSTEM;
    }

    @Override
    public void start(MonitorContext context) {
        clock = context.clock();
        bootTime = OffsetDateTime.ofInstant(facts.bootTime(), clock.getZone());
    }

    @Override
    public SystemInfo collect() throws Exception {
        long uptime = Math.max(0, Duration.between(facts.bootTime(), clock.instant()).getSeconds());
        return new SystemInfo(
                facts.osName(),
                facts.osVersion(),
                facts.osRelease(),
                facts.architecture(),
                facts.machine(),
                facts.processorName(),
                facts.hostname(),
                facts.domainname(),
                System.getProperty("java.version"),
                processCount(),
                bootTime,
                uptime);
    }

    private int processCount() throws java.io.IOException {
        Instant now = clock.instant();
        if (Duration.between(processesCountedAt, now).compareTo(PROCESS_COUNT_EVERY) >= 0) {
            processes = probe.processCount();
            processesCountedAt = now;
        }
        return processes;
    }
}
