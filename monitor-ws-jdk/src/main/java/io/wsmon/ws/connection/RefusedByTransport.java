package io.wsmon.ws.connection;

import java.io.IOException;

/**
 * The client spoke a protocol the transport does not (plain HTTP on a TLS port). The transport now
 * passes bytes through as they are, so that the connection can answer with a plain HTTP error and close.
 */
public final class RefusedByTransport extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status the HTTP status to answer with
     * @param message what to tell the client, also logged
     */
    public RefusedByTransport(int status, String message) {
        super(message);
        this.status = status;
    }

    /**
     * The HTTP status to answer with.
     *
     * @return the status
     */
    public int status() {
        return status;
    }
}
