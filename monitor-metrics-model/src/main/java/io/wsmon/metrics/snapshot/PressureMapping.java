package io.wsmon.metrics.snapshot;

import static io.wsmon.metrics.MetricUnit.RATIO;
import static io.wsmon.metrics.MetricUnit.SECONDS;
import static io.wsmon.metrics.snapshot.SectionMapping.ratio;

import io.wsmon.metrics.Figure;
import io.wsmon.metrics.Label;
import io.wsmon.metrics.LabelKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code pressure} section (Linux PSI): stall time since boot as node_exporter's pressure collector
 * names it ({@code some} is "waiting", {@code full} is "stalled"), and the kernel's averages over 10, 60
 * and 300 seconds as ratios.
 */
final class PressureMapping implements SectionMapping {

    static final Figure AVERAGE = Figure.gauge("wsmon_pressure_ratio", "wsmon.pressure.ratio", RATIO,
            "Share of time tasks stalled on the resource, averaged over the window");

    private static final Map<String, String> KINDS = ordered("some", "waiting", "full", "stalled");
    private static final Map<String, String> WINDOWS = ordered("avg10", "10s", "avg60", "60s", "avg300", "300s");
    private static final LabelKey RESOURCE = LabelKey.of("resource", "wsmon.pressure.resource");
    private static final LabelKey KIND = LabelKey.of("kind", "wsmon.pressure.kind");
    private static final LabelKey WINDOW = LabelKey.of("window", "wsmon.pressure.window");
    private static final LabelKey TOTAL_KIND = LabelKey.otelOnly("wsmon.pressure.kind");

    @Override
    public void map(String name, Object wire, Families out) {
        WireNode.of(wire).ifPresent(p -> {
            for (String resource : p.fields().keySet()) {
                for (String kind : KINDS.keySet()) {
                    Optional<WireNode> stall = p.child(resource).flatMap(r -> r.child(kind));
                    stall.ifPresent(s -> map(resource, kind, s, out));
                }
            }
        });
    }

    private static void map(String resource, String kind, WireNode stall, Families out) {
        out.add(total(resource, kind), stall.number("total_seconds"), TOTAL_KIND.is(kind));
        Label resourceLabel = RESOURCE.is(resource);
        Label kindLabel = KIND.is(kind);
        WINDOWS.forEach((field, window) ->
                out.add(AVERAGE, ratio(stall.number(field)), resourceLabel, kindLabel, WINDOW.is(window)));
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** One counter per resource and kind, as node_exporter names them; the kind is an attribute in OpenTelemetry. */
    private static Figure total(String resource, String kind) {
        return Figure.counter("node_pressure_" + resource + "_" + KINDS.get(kind) + "_seconds_total",
                "wsmon.pressure." + resource + ".time", SECONDS,
                "Time since boot in which " + ("some".equals(kind) ? "some" : "all") + " tasks stalled on " + resource);
    }
}
