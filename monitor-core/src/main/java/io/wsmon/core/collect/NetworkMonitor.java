package io.wsmon.core.collect;

import io.wsmon.api.MonitorContext;
import io.wsmon.api.NetworkInfo;
import io.wsmon.api.NetworkInterfaceInfo;
import io.wsmon.api.Snapshot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code network} section: bytes per second from the difference between this tick's counters and
 * the previous tick's (rates are 0 on the first tick), per interface and in total. Loopback is left out.
 */
public final class NetworkMonitor extends ProbeMonitor<NetworkInfo> {

    private Clock clock = Clock.systemUTC();
    private Map<String, InterfaceCounters> previous = Map.of();
    private long previousNanos;

    /**
     * @param probe where the interface counters are read
     */
    public NetworkMonitor(HostProbe probe) {
        super(probe);
    }

    @Override
    public String name() {
        return Snapshot.NETWORK;
    }

    @Override
    public void start(MonitorContext context) {
        clock = context.clock();
    }

    @Override
    public NetworkInfo collect() throws Exception {
        List<InterfaceCounters> counters = probe.networkCounters();
        long nowNanos = nanos();
        double seconds = previous.isEmpty() ? 0 : (nowNanos - previousNanos) / 1e9;
        Map<String, InterfaceCounters> current = new HashMap<>();
        List<NetworkInterfaceInfo> interfaces = new ArrayList<>(counters.size());
        double sentRate = 0;
        double recvRate = 0;
        long sent = 0;
        long recv = 0;
        for (InterfaceCounters now : counters) {
            current.put(now.name(), now);
            InterfaceCounters before = previous.getOrDefault(now.name(), now);
            double ifSent = CounterRate.perSecond(before.bytesSent(), now.bytesSent(), seconds);
            double ifRecv = CounterRate.perSecond(before.bytesRecv(), now.bytesRecv(), seconds);
            interfaces.add(new NetworkInterfaceInfo(now.name(), ifSent, ifRecv, now.bytesSent(), now.bytesRecv()));
            sentRate += ifSent;
            recvRate += ifRecv;
            sent += now.bytesSent();
            recv += now.bytesRecv();
        }
        previous = current;
        previousNanos = nowNanos;
        return new NetworkInfo(Rounding.oneDecimal(sentRate), Rounding.oneDecimal(recvRate), sent, recv, interfaces);
    }

    private long nanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
