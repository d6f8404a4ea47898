package io.wsmon.alert.handlers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Turns the text of a handler setting into the value its builder takes. A text that is not of the expected
 * form is an {@link IllegalArgumentException} saying what was expected and quoting the text;
 * {@link HandlerSettings} puts the key in front.
 */
final class SettingValues {

    private static final BigDecimal MEGABYTE = BigDecimal.valueOf(1024L * 1024);

    private SettingValues() {}

    /**
     * @param text a decimal number of seconds, for example {@code 2.5}
     * @return it as a duration, to the nearest nanosecond
     * @throws IllegalArgumentException when it is not a number, or too large
     */
    static Duration seconds(String text) {
        return Duration.ofNanos(exact(text, "a number of seconds",
                n -> n.movePointRight(9).setScale(0, RoundingMode.HALF_UP)));
    }

    /**
     * @param text a decimal number of megabytes (MiB), for example {@code 10} or {@code 0.5}
     * @return it in bytes, rounded down
     * @throws IllegalArgumentException when it is not a number, or too large
     */
    static long megabytes(String text) {
        return exact(text, "a number of megabytes", n -> n.multiply(MEGABYTE).setScale(0, RoundingMode.DOWN));
    }

    /**
     * @param text a whole number
     * @return it
     * @throws IllegalArgumentException when it is not a whole number
     */
    static int wholeNumber(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, got '" + text + "'", e);
        }
    }

    private static long exact(String text, String expected, UnaryOperator<BigDecimal> toWholeUnits) {
        try {
            return toWholeUnits.apply(new BigDecimal(text.trim())).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("must be " + expected + ", got '" + text + "'", e);
        }
    }

    /**
     * @param text {@code true} or {@code false}, in any case
     * @return it
     * @throws IllegalArgumentException when it is neither
     */
    static boolean bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false, got '" + text + "'");
        };
    }

    /**
     * @param text items separated by commas, for example {@code admin@example.com, ops@example.com}
     * @return the items without the spaces around them; an empty item stays, for the builder to reject
     */
    static String[] list(String text) {
        return Arrays.stream(text.split(",", -1)).map(String::trim).toArray(String[]::new);
    }

    /**
     * @param text the name of an enum constant, in any case
     * @param type the enum
     * @param <E> the enum's type
     * @return the constant
     * @throws IllegalArgumentException naming the constants when it is none of them
     */
    static <E extends Enum<E>> E oneOf(String text, Class<E> type) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList();
            throw new IllegalArgumentException("must be one of " + String.join(", ", names) + ", got '" + text + "'", e);
        }
    }
}
