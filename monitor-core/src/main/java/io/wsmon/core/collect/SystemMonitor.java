package io.wsmon.core.collect;

import io.wsmon.api.Monitor;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SystemInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/** The {@code system} section: static host facts, the process count and the uptime. */
public final class SystemMonitor implements Monitor<SystemInfo> {

    private final HostFacts facts;
    private final HostProbe probe;
    private Clock clock = Clock.systemDefaultZone();
    private OffsetDateTime bootTime;

    /**
     * @param facts the host's static facts
     * @param probe where the process count is read
     */
    public SystemMonitor(HostFacts facts, HostProbe probe) {
        this.facts = facts;
        this.probe = probe;
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
                System.getProperty("java.version"),
                probe.processCount(),
                bootTime,
                uptime);
    }
}
