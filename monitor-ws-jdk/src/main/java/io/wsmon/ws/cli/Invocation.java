package io.wsmon.ws.cli;

/**
 * What the command line asks for.
 *
 * @param action print the usage, print the version, or run the server
 * @param settings the settings to run with; {@code null} unless the action is {@link Action#RUN}
 */
record Invocation(Action action, ServerSettings settings) {

    /** What to do. */
    enum Action {
        HELP,
        VERSION,
        RUN
    }
}
