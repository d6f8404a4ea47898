package io.wsmon.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.core.testing.Await;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive, with the launcher and the jar copied into an installation of the
 * test's own and the cache in {@code XDG_CACHE_HOME}. Whether a server uses an archive is read from the
 * files it has mapped ({@code /proc/<pid>/maps}).
 */
@EnabledOnOs(OS.LINUX)
class LauncherCdsIT {

    /** A start, a few ticks and the archive's dump, on a busy machine. */
    private static final Duration TRAINING = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private Path launcher;
    private Path jar;
    private Path cache;
    private Path archives;

    @BeforeEach
    void install() throws IOException {
        launcher = dir.resolve("install/bin/monitoring-websocket-server");
        jar = dir.resolve("install/monitor-examples/target/monitoring-websocket-server.jar");
        Files.createDirectories(launcher.getParent());
        Files.createDirectories(jar.getParent());
        Files.copy(Path.of("..", "bin", "monitoring-websocket-server"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(ServerProcess.JAR, jar);
        cache = dir.resolve("cache");
        archives = cache.resolve("wsmon/cds");
    }

    @Test
    void firstStart_makesAnArchiveBesideTheServer_andTheNextStartMapsIt() throws Exception {
        try (ServerProcess first = start()) {
            assertThat(mapsAnArchive(first)).as("the first start runs without an archive").isFalse();
            Path archive = awaitArchive(null);
            assertThat(archive.getFileName().toString()).endsWith("." + Files.size(archive) + ".jsa");
        }
        Path archive = archives().get(0);
        try (ServerProcess second = start()) {
            assertThat(maps(second, archive)).as("the second start maps " + archive).isTrue();
            assertServes(second);
        }
    }

    @Test
    void changedJar_getsANewArchive_andTheOldOneGoes() throws Exception {
        try (ServerProcess first = start()) {
            awaitArchive(null);
        }
        Path old = archives().get(0);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 3_600_000));

        try (ServerProcess changed = start()) {
            assertThat(maps(changed, old)).as("the archive of the old jar is not used").isFalse();
            Path renewed = awaitArchive(old);
            assertThat(archives()).containsExactly(renewed);
        }
        try (ServerProcess next = start()) {
            assertThat(maps(next, archives().get(0))).isTrue();
        }
    }

    @Test
    void truncatedArchive_isDeletedAndMadeAgain_andTheServerStarts() throws Exception {
        try (ServerProcess first = start()) {
            awaitArchive(null);
        }
        Path archive = archives().get(0);
        long truncated;
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            truncated = file.length() / 2;
            file.setLength(truncated);
        }

        try (ServerProcess afterDamage = start()) {
            assertThat(mapsAnArchive(afterDamage)).isFalse();
            assertServes(afterDamage);
            Path remade = awaitArchive(null);
            assertThat(Files.size(remade)).isGreaterThan(truncated);
            assertThat(remade.getFileName().toString()).endsWith("." + Files.size(remade) + ".jsa");
        }
    }

    @Test
    void corruptArchiveOfTheRightSize_isRefusedByTheJvm_andTheServerServes() throws Exception {
        try (ServerProcess first = start()) {
            awaitArchive(null);
        }
        Path archive = archives().get(0);
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            byte[] garbage = new byte[4096];
            Arrays.fill(garbage, (byte) 0x5A);
            file.seek(file.length() / 2);
            file.write(garbage);
        }

        try (ServerProcess afterDamage = start()) {
            assertServes(afterDamage);
            assertThat(maps(afterDamage, archive)).as("the JVM checks the archive and lets it go").isFalse();
            assertThat(afterDamage.stdout()).noneMatch(line -> line.contains("cds"));
        }
    }

    @Test
    void unwritableCacheDirectory_startsWithoutAnArchive() throws Exception {
        Files.writeString(cache, "a file where the cache directory would be");

        try (ServerProcess server = start()) {
            assertServes(server);
            assertThat(mapsAnArchive(server)).isFalse();
        }
        assertThat(cache).isRegularFile();
    }

    private ServerProcess start() throws IOException, InterruptedException {
        ServerProcess server = ServerProcess.launch(launcher, Map.of("XDG_CACHE_HOME", cache.toString()),
                "--host", "127.0.0.1", "--port", "0", "--display", "none");
        server.awaitListening();
        return server;
    }

    private static void assertServes(ServerProcess server) throws Exception {
        try (WsClient client = WsClient.connect(server.awaitListening())) {
            assertThat(client.next("monitoring_data").path("seq").asLong()).isPositive();
        }
    }

    /** Waits until the launcher's background run has moved an archive other than {@code previous} in place. */
    private Path awaitArchive(Path previous) {
        Await.until("a class-data archive in " + archives, TRAINING, () -> {
            List<Path> found = archives();
            return found.size() == 1 && !found.get(0).equals(previous) && !training();
        });
        return archives().get(0);
    }

    private List<Path> archives() {
        return list(".jsa");
    }

    private boolean training() {
        return !list(".lock").isEmpty();
    }

    private List<Path> list(String suffix) {
        if (!Files.isDirectory(archives)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(archives)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean maps(ServerProcess server, Path archive) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(server.pid()), "maps")).contains(archive.toString());
    }

    private boolean mapsAnArchive(ServerProcess server) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(server.pid()), "maps")).contains(archives.toString());
    }
}
