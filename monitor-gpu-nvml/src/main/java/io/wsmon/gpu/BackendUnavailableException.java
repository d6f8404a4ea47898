package io.wsmon.gpu;

/** Thrown when opening a GPU backend fails: the library cannot be loaded, the command cannot be run. */
public class BackendUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message why the backend cannot be used, as one sentence for the log
     * @param cause the underlying failure, or {@code null}
     */
    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
