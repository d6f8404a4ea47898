package io.wsmon.ws.cli;

/** A bad flag, value, key or variable: the command prints the message and the usage, and exits 2. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming what is wrong, for example {@code --port: must be a whole number
     *     from 0 to 65535, got 'http'}
     */
    public UsageException(String message) {
        super(message);
    }
}
