package io.wsmon.prometheus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus text exposition (format 0.0.4) read back: each family's type, label names, and the samples
 * of its series, enough to compare two exporters' output family by family.
 */
final class Exposition {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * One family.
     *
     * @param type the {@code # TYPE} it was given, {@code untyped} when none
     * @param labelNames every label name of its samples, sorted
     * @param series each sample's labels (sorted by name) and value
     */
    record Family(String type, TreeSet<String> labelNames, Map<Map<String, String>, Double> series) {}

    private Exposition() {}

    /**
     * Reads an exposition.
     *
     * @param text the body of a scrape in the text format
     * @return its families by name, samples of histograms and summaries under their family
     */
    static Map<String, Family> parse(String text) {
        Map<String, Family> families = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                families.put(parts[2], new Family(parts[3], new TreeSet<>(), new LinkedHashMap<>()));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                Matcher sample = SAMPLE.matcher(line);
                if (!sample.matches()) {
                    throw new IllegalArgumentException("not a sample line: " + line);
                }
                Family family = families.computeIfAbsent(familyOf(sample.group(1), families),
                        n -> new Family("untyped", new TreeSet<>(), new LinkedHashMap<>()));
                Map<String, String> labels = new TreeMap<>();
                if (sample.group(2) != null) {
                    Matcher label = LABEL.matcher(sample.group(2));
                    while (label.find()) {
                        labels.put(label.group(1), label.group(2));
                    }
                }
                family.labelNames().addAll(labels.keySet());
                family.series().put(labels, Double.parseDouble(sample.group(3)));
            }
        }
        return families;
    }

    private static String familyOf(String sampleName, Map<String, Family> families) {
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            String base = sampleName.endsWith(suffix) ? sampleName.substring(0, sampleName.length() - suffix.length()) : null;
            if (base != null && families.containsKey(base)) {
                return base;
            }
        }
        return sampleName;
    }
}
