package io.wsmon.alert.handlers;

/** Checks shared by the handler builders. */
final class Options {

    private Options() {}

    /**
     * @param option the option's name for the error, for example {@code "alert handler name"}
     * @param value its value
     * @return the value, when not blank
     * @throws IllegalArgumentException naming the option when the value is null or blank
     */
    static String notBlank(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " must not be blank, got "
                    + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }
}
