package io.wsmon.alert.handlers;

/**
 * A builder option given a bad value: the message is {@code option: problem, got value}. Settings read into a
 * builder report the same problem under their key instead of the option's name.
 */
final class InvalidOption extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String problem;

    /**
     * @param option the builder option, for example {@code timeout}
     * @param problem what is wrong and the bad value, for example {@code must be positive, got 0s}
     */
    InvalidOption(String option, String problem) {
        super(option + ": " + problem);
        this.problem = problem;
    }

    /** @return what is wrong and the bad value, without the option's name */
    String problem() {
        return problem;
    }
}
