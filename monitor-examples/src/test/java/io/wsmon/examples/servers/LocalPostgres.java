package io.wsmon.examples.servers;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real PostgreSQL (Debian's {@code postgresql} package) in a temporary data directory on a free
 * loopback port, trust authentication, user {@code postgres}. As root it runs as the {@code postgres} user,
 * since PostgreSQL refuses to run as root. Where it cannot start, the test is skipped saying why.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Path INSTALL = Path.of("/usr/lib/postgresql");

    private final List<String> asOwner;
    private final Path bin;
    private final Path directory;
    private final int port;

    private LocalPostgres(List<String> asOwner, Path bin, Path directory, int port) {
        this.asOwner = asOwner;
        this.bin = bin;
        this.directory = directory;
        this.port = port;
    }

    /**
     * Creates a cluster and starts it; returns once it accepts connections.
     *
     * @return the running server
     * @throws Exception when a command cannot be run
     */
    public static LocalPostgres start() throws Exception {
        Path bin = binDirectory();
        assumeTrue(bin != null, "PostgreSQL is not installed: no " + INSTALL
                + "/*/bin/initdb (Debian package postgresql, installed by .ci/run)");
        Path directory = Files.createTempDirectory("wsmon-postgres");
        List<String> asOwner = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            UserPrincipal postgres;
            try {
                postgres = directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            } catch (IOException e) {
                Tools.deleteTree(directory);
                assumeTrue(false, "PostgreSQL refuses to run as root and there is no user 'postgres' to run it as");
                throw e;
            }
            Files.setOwner(directory, postgres);
            asOwner.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        LocalPostgres server = new LocalPostgres(asOwner, bin, directory, Tools.freePort());
        try {
            server.initAndStart();
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void initAndStart() throws Exception {
        Path data = directory.resolve("data");
        Tools.Result init = run(120, bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust",
                "-U", "postgres", "-E", "UTF8", "--no-sync");
        assumeTrue(init.exitCode() == 0, () -> "initdb could not create a cluster: " + init.output());
        Tools.Result started = run(120, bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-l", directory.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-h 127.0.0.1 -p " + port + " -k " + directory + " -F", "start");
        assumeTrue(started.exitCode() == 0, () -> "PostgreSQL did not start: " + started.output() + log());
    }

    private Tools.Result run(long timeoutSeconds, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(asOwner);
        full.addAll(List.of(command));
        return Tools.run(timeoutSeconds, full);
    }

    private String log() {
        try {
            return Files.readString(directory.resolve("server.log"));
        } catch (IOException e) {
            return "(no server log: " + e + ")";
        }
    }

    private static Path binDirectory() throws IOException {
        if (!Files.isDirectory(INSTALL)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(INSTALL)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> versionNumber(bin.getParent())))
                    .orElse(null);
        }
    }

    private static int versionNumber(Path version) {
        try {
            return Integer.parseInt(version.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** @return the JDBC URL of the database {@code postgres} */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** @return the user to connect as, needing no password */
    public String user() {
        return "postgres";
    }

    /** Stops the server at once and deletes its directory. */
    @Override
    public void close() throws Exception {
        try {
            if (Files.exists(directory.resolve("data/postmaster.pid"))) {
                run(60, bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(),
                        "-m", "immediate", "-w", "stop");
            }
        } finally {
            Tools.deleteTree(directory);
        }
    }
}
