package io.wsmon.bench.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs over defaults; an unknown name is an error that lists the known ones. */
final class Arguments {

    private final Map<String, String> values;

    /**
     * @param args the command line
     * @param defaults every option with its default
     * @throws IllegalArgumentException on an unknown option or a missing value
     */
    Arguments(String[] args, Map<String, String> defaults) {
        this.values = new HashMap<>(defaults);
        for (int i = 0; i < args.length; i += 2) {
            if (!values.containsKey(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]
                        + "; options: " + defaults.keySet());
            }
            values.put(args[i], args[i + 1]);
        }
    }

    String text(String name) {
        return values.get(name);
    }

    /** @return the value split at white space, such as JVM options; empty when blank */
    List<String> words(String name) {
        String value = values.get(name).trim();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }

    /** @return the value split at commas */
    List<String> list(String name) {
        return List.of(values.get(name).split(","));
    }

    /** @return the value as a number of at least {@code min} */
    double number(String name, double min) {
        double value;
        try {
            value = Double.parseDouble(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number, got " + values.get(name));
        }
        if (!(value >= min)) {
            throw new IllegalArgumentException(name + ": at least " + min + ", got " + values.get(name));
        }
        return value;
    }
}
