package io.wsmon.ws.cli;

/** The live console view of the command. */
public enum DisplayMode {
    /** One line per tick. */
    COMPACT,
    /** A full screen per tick: header, every metric with a bar, alerts, connections. */
    DETAILED,
    /** Nothing but the log. */
    NONE
}
