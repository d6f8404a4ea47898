package io.wsmon.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The wsmon version this jar was built as. */
public final class Version {

    private static final String CURRENT = read();

    private Version() {}

    /**
     * @return the version, for example {@code "0.1.0"}
     */
    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the wsmon version", e);
        }
    }
}
