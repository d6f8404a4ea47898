package io.wsmon.ws.http;

/**
 * A request that cannot be served: answered with {@link #status()} and the message, then closed.
 * Carries no stack trace, since it reports bad input, not a bug.
 */
public final class HttpException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status the HTTP status to answer with, for example 400
     * @param message what was wrong, shown to the client
     */
    public HttpException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /**
     * The status to answer with.
     *
     * @return an HTTP status code
     */
    public int status() {
        return status;
    }
}
