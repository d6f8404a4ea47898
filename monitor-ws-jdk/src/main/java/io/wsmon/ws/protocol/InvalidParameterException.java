package io.wsmon.ws.protocol;

/** A command parameter is invalid; the message names the parameter and the bad value. */
final class InvalidParameterException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidParameterException(String message) {
        super(message, null, false, false);
    }
}
