package io.wsmon.api;

/**
 * Thrown by {@link Monitor#start} when the monitor cannot work on this machine, for example no GPU
 * or no driver. The service leaves the section out and logs the message once.
 */
public class MonitorUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message why the monitor is unavailable, for the log
     */
    public MonitorUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message why the monitor is unavailable, for the log
     * @param cause the underlying failure
     */
    public MonitorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
