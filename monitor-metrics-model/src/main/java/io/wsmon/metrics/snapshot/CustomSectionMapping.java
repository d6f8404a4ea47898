package io.wsmon.metrics.snapshot;

import io.wsmon.metrics.Figure;
import io.wsmon.metrics.Label;
import io.wsmon.metrics.LabelKey;
import io.wsmon.metrics.MetricUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Any section without mapping rules of its own, such as a custom monitor's record: every number (and
 * boolean, as 1 or 0) becomes a gauge {@code wsmon_<section>_<field>}, a nested object's fields
 * {@code wsmon_<section>_<object>_<field>}. In a list of objects, each object's {@code name}, {@code id} or
 * {@code path} field (the first present) becomes a label of that name, else its position becomes an
 * {@code index} label; a list of numbers is labelled by {@code index}. A field named {@code ..._percent}
 * or {@code percentage} is written as a ratio ({@code ..._ratio}, 0–1). Text is left out. A name that
 * would end with a suffix Prometheus keeps for other kinds of metrics ({@code _count}, {@code _sum},
 * {@code _bucket}, {@code _total}, {@code _created}, {@code _info}) gets {@code _value} appended:
 * {@code wsmon_open_files_count_value}.
 */
final class CustomSectionMapping implements SectionMapping {

    private static final List<String> KEY_FIELDS = List.of("name", "id", "path");
    private static final List<String> RESERVED_SUFFIXES =
            List.of("_count", "_sum", "_bucket", "_total", "_created", "_info");

    @Override
    public void map(String name, Object wire, Families out) {
        walk(List.of(sanitize(name)), wire, List.of(), out);
    }

    private static void walk(List<String> path, Object wire, List<Label> labels, Families out) {
        Optional<WireNode> node = WireNode.of(wire);
        if (node.isPresent()) {
            fields(path, node.get(), null, labels, out);
        } else if (wire instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Optional<WireNode> element = WireNode.of(list.get(i));
                Optional<String> keyField = element.flatMap(CustomSectionMapping::keyField);
                if (keyField.isPresent()) {
                    Label key = LabelKey.of(keyField.get(), keyField.get()).is(keyText(element.get(), keyField.get()));
                    fields(path, element.get(), keyField.get(), withLabel(labels, key, path), out);
                } else {
                    Label index = LabelKey.of("index", "index").is(Integer.toString(i));
                    walk(path, list.get(i), withLabel(labels, index, path), out);
                }
            }
        } else {
            OptionalDouble number = WireNode.asNumber(wire);
            if (number.isPresent()) {
                add(path, number.getAsDouble(), labels, out);
            }
        }
    }

    private static void add(List<String> path, double value, List<Label> labels, Families out) {
        String field = path.get(path.size() - 1);
        boolean percent = field.endsWith("_percent") || field.equals("percent") || field.equals("percentage");
        List<String> named = percent ? append(path.subList(0, path.size() - 1), ratioName(field)) : path;
        String section = path.get(0);
        String figurePath = String.join(".", path.subList(1, path.size()));
        String prometheusName = "wsmon_" + String.join("_", named);
        if (RESERVED_SUFFIXES.stream().anyMatch(prometheusName::endsWith)) {
            prometheusName += "_value";
        }
        Figure figure = Figure.gauge(prometheusName, "wsmon." + String.join(".", named),
                percent ? MetricUnit.RATIO : MetricUnit.NONE,
                "Field " + figurePath + " of the section " + section);
        out.add(figure, percent ? value / 100.0 : value, labels.toArray(Label[]::new));
    }

    private static void fields(List<String> path, WireNode node, String keyField, List<Label> labels, Families out) {
        node.fields().forEach((field, value) -> {
            if (!field.equals(keyField)) {
                walk(append(path, sanitize(field)), value, labels, out);
            }
        });
    }

    private static Optional<String> keyField(WireNode element) {
        return KEY_FIELDS.stream()
                .filter(f -> element.fields().get(f) instanceof String || element.fields().get(f) instanceof Number)
                .findFirst();
    }

    private static String keyText(WireNode element, String field) {
        Object value = element.fields().get(field);
        return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? Long.toString(n.longValue())
                : String.valueOf(value);
    }

    /** A nested list whose key has the name of an outer one is told apart by the list's field name. */
    private static List<Label> withLabel(List<Label> labels, Label label, List<String> path) {
        boolean taken = labels.stream().anyMatch(l -> l.key().equals(label.key()));
        String field = path.get(path.size() - 1) + "_" + label.key().prometheus();
        Label unique = taken ? LabelKey.of(field, field).is(label.value()) : label;
        List<Label> out = new ArrayList<>(labels);
        out.add(unique);
        return out;
    }

    private static String ratioName(String field) {
        return field.endsWith("_percent") ? field.substring(0, field.length() - "_percent".length()) + "_ratio" : "ratio";
    }

    private static List<String> append(List<String> path, String part) {
        List<String> out = new ArrayList<>(path);
        out.add(part);
        return out;
    }

    /** Prometheus names allow letters, digits and underscores. */
    static String sanitize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
        }
        return out.toString();
    }
}
