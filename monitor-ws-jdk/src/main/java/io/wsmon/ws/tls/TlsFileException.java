package io.wsmon.ws.tls;

import java.nio.file.Path;

/**
 * A certificate, key or key store that cannot be used: missing, unreadable, malformed, locked with
 * another password, or a key that does not match its certificate. The message names the file.
 */
public final class TlsFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * @param option the option or key that named the file, such as {@code tls_cert}
     * @param file the file
     * @param problem what is wrong with it
     * @param cause the underlying failure, or {@code null}
     */
    public TlsFileException(String option, Path file, String problem, Throwable cause) {
        super(option + ": " + problem + ", got " + file, cause);
        this.file = file;
    }

    /**
     * The file at fault.
     *
     * @return its path as given
     */
    public Path file() {
        return file;
    }
}
