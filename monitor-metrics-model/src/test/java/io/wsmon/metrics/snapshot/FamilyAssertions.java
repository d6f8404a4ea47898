package io.wsmon.metrics.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.metrics.Label;
import io.wsmon.metrics.MetricFamily;
import io.wsmon.metrics.Sample;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads values out of mapped families, and checks what every engine requires of them. */
final class FamilyAssertions {

    private FamilyAssertions() {}

    /** The family of a Prometheus name. */
    static MetricFamily family(List<MetricFamily> families, String prometheusName) {
        return families.stream()
                .filter(f -> prometheusName.equals(f.figure().prometheusName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no family " + prometheusName + " in " + names(families)));
    }

    /** The value of the sample with exactly these Prometheus labels (name, value, name, value...). */
    static double value(List<MetricFamily> families, String prometheusName, String... labels) {
        Map<String, String> wanted = pairs(labels);
        return family(families, prometheusName).samples().stream()
                .filter(s -> prometheusLabels(s).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + wanted + " in " + family(families, prometheusName)))
                .value();
    }

    /** The points of an OpenTelemetry metric, over all its figures: attributes to value. */
    static Map<Map<String, String>, Double> otelPoints(List<MetricFamily> families, String otelName) {
        Map<Map<String, String>, Double> out = new LinkedHashMap<>();
        for (MetricFamily family : families) {
            if (otelName.equals(family.figure().otelName())) {
                for (Sample s : family.samples()) {
                    out.put(otelAttributes(s), s.value());
                }
            }
        }
        return out;
    }

    static Map<String, String> otelAttributes(Sample sample) {
        Map<String, String> out = new LinkedHashMap<>();
        sample.otelAttributes().forEach(l -> out.put(l.key().otel(), l.value()));
        return out;
    }

    static Map<String, String> prometheusLabels(Sample sample) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Label l : sample.prometheusLabels()) {
            out.put(l.key().prometheus(), l.value());
        }
        return out;
    }

    static List<String> names(List<MetricFamily> families) {
        return families.stream().map(f -> String.valueOf(f.figure().prometheusName())).toList();
    }

    /**
     * What Prometheus, OpenTelemetry and Micrometer's Prometheus registry reject: two families of one name,
     * a family whose samples have different label names, two samples with the same labels, one OpenTelemetry
     * name with two types or units, or two points with the same attributes.
     */
    static void assertWellFormed(List<MetricFamily> families) {
        Set<String> promNames = new HashSet<>();
        Map<String, MetricFamily> otelFirst = new HashMap<>();
        Map<String, Set<Map<String, String>>> otelPoints = new HashMap<>();
        for (MetricFamily family : families) {
            String prom = family.figure().prometheusName();
            if (prom != null) {
                assertThat(promNames.add(prom)).as("one family named %s", prom).isTrue();
                assertThat(prom).matches("[a-zA-Z_:][a-zA-Z0-9_:]*");
                Set<Set<String>> keySets = family.samples().stream()
                        .map(s -> prometheusLabels(s).keySet()).collect(Collectors.toSet());
                assertThat(keySets).as("label names of %s", prom).hasSize(1);
                Set<Map<String, String>> labelSets = new HashSet<>();
                for (Sample s : family.samples()) {
                    assertThat(labelSets.add(prometheusLabels(s))).as("labels of %s unique", prom).isTrue();
                }
            }
            String otel = family.figure().otelName();
            if (otel != null) {
                MetricFamily first = otelFirst.putIfAbsent(otel, family);
                if (first != null) {
                    assertThat(family.figure().type()).as("type of %s", otel).isEqualTo(first.figure().type());
                    assertThat(family.figure().unit()).as("unit of %s", otel).isEqualTo(first.figure().unit());
                }
                Set<Map<String, String>> points = otelPoints.computeIfAbsent(otel, k -> new HashSet<>());
                for (Sample s : family.samples()) {
                    Map<String, String> attributes = otelAttributes(s);
                    assertThat(points.add(attributes)).as("attributes of %s unique: %s", otel, attributes).isTrue();
                }
            }
        }
    }

    private static Map<String, String> pairs(String... labels) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            out.put(labels[i], labels[i + 1]);
        }
        return out;
    }
}
