package io.wsmon.metrics.snapshot;

import static io.wsmon.metrics.MetricUnit.BYTES;

import io.wsmon.metrics.Figure;
import io.wsmon.metrics.Label;
import io.wsmon.metrics.LabelKey;

/**
 * The {@code network} section: bytes received and sent per interface since boot. The all-interface totals
 * and the rates are left out: summing and rating are the engine's job.
 */
final class NetworkMapping implements SectionMapping {

    static final Figure RECEIVE = Figure.counter("node_network_receive_bytes_total", "system.network.io", BYTES,
            "Bytes received by the interface since boot");
    static final Figure TRANSMIT = Figure.counter("node_network_transmit_bytes_total", "system.network.io", BYTES,
            "Bytes sent by the interface since boot");

    private static final LabelKey DEVICE = LabelKey.of("device", "network.interface.name");
    private static final LabelKey DIRECTION = LabelKey.otelOnly("network.io.direction");

    @Override
    public void map(String name, Object wire, Families out) {
        WireNode.of(wire).ifPresent(n -> {
            for (WireNode nic : n.children("interfaces")) {
                Label device = DEVICE.is(nic.text("name").orElse(""));
                out.add(RECEIVE, nic.number("bytes_recv"), device, DIRECTION.is("receive"));
                out.add(TRANSMIT, nic.number("bytes_sent"), device, DIRECTION.is("transmit"));
            }
        });
    }
}
