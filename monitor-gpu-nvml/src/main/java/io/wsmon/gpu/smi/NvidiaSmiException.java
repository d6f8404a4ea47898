package io.wsmon.gpu.smi;

/** An nvidia-smi run failed: it could not start, timed out, exited with an error or printed garbage. */
public class NvidiaSmiException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, as one sentence
     */
    public NvidiaSmiException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, as one sentence
     * @param cause the underlying failure
     */
    public NvidiaSmiException(String message, Throwable cause) {
        super(message, cause);
    }
}
