package io.wsmon.ws.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks command parameters. Every error names the parameter and the bad value, and is
 * answered with {@link ErrorCode#INVALID_PARAMETER}.
 */
final class Parameters {

    /** The longest subscription interval, in seconds. */
    static final double MAX_INTERVAL_SECONDS = 86_400;

    private static final Pattern SECTION_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final int MAX_ECHO = 40;

    private Parameters() {}

    /**
     * The {@code sections} parameter.
     *
     * @param command the command object
     * @param known the sections the service has produced; empty before the first snapshot, when any
     *     well-formed name is accepted
     * @return the sections in the order given, or {@code null} when absent (all sections)
     * @throws InvalidParameterException when not a non-empty array of known section names
     */
    static Set<String> sections(JsonNode command, Set<String> known) throws InvalidParameterException {
        JsonNode node = command.get("sections");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new InvalidParameterException(
                    "sections must be a non-empty array of section names, got " + echo(node));
        }
        Set<String> sections = new LinkedHashSet<>();
        for (JsonNode element : node) {
            if (!element.isTextual() || !SECTION_NAME.matcher(element.asText()).matches()) {
                throw new InvalidParameterException("sections must hold section names, got " + echo(element));
            }
            String name = element.asText();
            if (!known.isEmpty() && !known.contains(name)) {
                throw new InvalidParameterException(
                        "sections: unknown section '" + name + "'; available: " + String.join(", ", known));
            }
            sections.add(name);
        }
        return Set.copyOf(sections);
    }

    /**
     * The {@code interval} parameter of {@code subscribe}, in seconds, as a number of ticks.
     *
     * @param command the command object
     * @param tick the service's collection interval
     * @return every how many ticks to send: the interval divided by the tick, rounded, at least 1; 1 when
     *     absent
     * @throws InvalidParameterException when not a positive number of seconds up to a day
     */
    static int every(JsonNode command, Duration tick) throws InvalidParameterException {
        JsonNode node = command.get("interval");
        if (node == null || node.isNull()) {
            return 1;
        }
        if (!node.isNumber() || !(node.asDouble() > 0) || node.asDouble() > MAX_INTERVAL_SECONDS) {
            throw new InvalidParameterException("interval must be a number of seconds above 0 and at most "
                    + (long) MAX_INTERVAL_SECONDS + ", got " + echo(node));
        }
        double ticks = node.asDouble() * 1e9 / tick.toNanos();
        return (int) Math.max(1, Math.round(ticks));
    }

    /**
     * The {@code count} parameter of {@code get_history}.
     *
     * @param command the command object
     * @param defaultCount the count when absent
     * @param cap the largest count served; larger ones are capped
     * @return the count
     * @throws InvalidParameterException when not a positive integer
     */
    static int count(JsonNode command, int defaultCount, int cap) throws InvalidParameterException {
        JsonNode node = command.get("count");
        if (node == null || node.isNull()) {
            return Math.min(defaultCount, cap);
        }
        if (!node.canConvertToExactIntegral() || !node.canConvertToLong() || node.asLong() < 1) {
            throw new InvalidParameterException("count must be a positive integer, got " + echo(node));
        }
        return (int) Math.min(node.asLong(), cap);
    }

    /**
     * The {@code count} query parameter of {@code /api/history}.
     *
     * @param value the raw value, or {@code null} when absent
     * @param defaultCount the count when absent
     * @param cap the largest count served
     * @return the count
     * @throws InvalidParameterException when not a positive integer
     */
    static int count(String value, int defaultCount, int cap) throws InvalidParameterException {
        if (value == null) {
            return Math.min(defaultCount, cap);
        }
        try {
            long count = Long.parseLong(value);
            if (count >= 1) {
                return (int) Math.min(count, cap);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException("count must be a positive integer, got '" + abbreviate(value) + "'");
    }

    private static String echo(JsonNode node) {
        return abbreviate(node.toString());
    }

    static String abbreviate(String text) {
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
    }
}
