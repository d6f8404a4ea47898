package io.wsmon.alert.handlers;

import io.wsmon.core.format.Durations;
import java.time.Duration;

/**
 * Checks shared by the handler builders, each failing in one form: {@code option: problem, got value}. A bad
 * value is an {@link InvalidOption}; an option set a second time is an {@link IllegalStateException}.
 */
final class Options {

    private Options() {}

    /**
     * @param option the option's name, for example {@code channel}
     * @param value its value
     * @return the value, when not blank
     * @throws InvalidOption when the value is null or blank
     */
    static String notBlank(String option, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(option, "must not be blank", value);
        }
        return value;
    }

    /**
     * @param option the option's name
     * @param current its value so far, null when not set
     * @param value the value given now
     * @throws IllegalStateException naming both values when the option is already set
     */
    static void once(String option, Object current, Object value) {
        if (current != null) {
            throw new IllegalStateException(option + ": already set to " + shown(current) + ", got " + shown(value));
        }
    }

    /**
     * For an option that may hold a secret (a password, a header value), whose values are never shown.
     *
     * @param option the option's name
     * @param isSet whether it is already set
     * @throws IllegalStateException naming the option when it is already set
     */
    static void onceSecret(String option, boolean isSet) {
        if (isSet) {
            throw new IllegalStateException(option + ": already set");
        }
    }

    /**
     * @param option the option's name
     * @param problem what is wrong, for example {@code must be positive}
     * @param value the bad value
     * @return the error to throw
     */
    static InvalidOption invalid(String option, String problem, Object value) {
        return new InvalidOption(option, problem + ", got " + shown(value));
    }

    /**
     * @param value a value
     * @return it as errors show it: text in single quotes with line breaks escaped, a duration as {@code 500ms}
     */
    static String shown(Object value) {
        if (value instanceof CharSequence text) {
            return "'" + text.toString().replace("\r", "\\r").replace("\n", "\\n") + "'";
        }
        if (value instanceof Duration duration) {
            return Durations.format(duration);
        }
        return String.valueOf(value);
    }
}
