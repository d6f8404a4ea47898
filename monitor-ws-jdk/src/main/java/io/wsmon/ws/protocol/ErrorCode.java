package io.wsmon.ws.protocol;

/** The {@code code} of an {@code error} reply (SPEC §4). */
public enum ErrorCode {
    /** The message is not a JSON object. */
    INVALID_FORMAT,
    /** The object has no string {@code type}. */
    MISSING_TYPE,
    /** The {@code type} names no command. */
    UNKNOWN_COMMAND,
    /** A parameter of the command is invalid; the message names it and the value. */
    INVALID_PARAMETER,
    /** More commands than allowed per second. */
    RATE_LIMITED
}
