package io.wsmon.core.collect.linux;

import io.wsmon.core.ServiceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/** Copies a fixture tree of {@code src/test/resources/linux} where a test may change it between ticks. */
final class LinuxFixture {

    private LinuxFixture() {}

    /**
     * @param name the tree, for example {@code "host"}
     * @param into an empty directory
     * @return {@code into}, holding the tree's {@code proc}, {@code sys} and {@code etc}
     */
    static Path copy(String name, Path into) {
        try {
            Path source = Path.of(LinuxFixture.class.getResource("/linux/" + name).toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = into.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Overwrites one file of a copied tree. */
    static void write(Path root, String relative, String content) {
        try {
            Files.writeString(root.resolve(relative), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceContext context(Map<String, String> settings) {
        return new ServiceContext(Clock.systemUTC(), Duration.ofMillis(500), settings);
    }
}
