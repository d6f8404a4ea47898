package io.wsmon.gpu;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

/**
 * The stand-ins the build leaves in {@code target/standin}: NVML libraries compiled from
 * {@code src/test/standin/nvml_standin.c} and the {@code nvidia-smi} script; plus scripts written by tests.
 */
public final class Standins {

    /** Three GPUs; GPU 1 has no fan (NOT_SUPPORTED); GPU 2's power draw query fails. */
    public static final String NVML = "libnvml-standin.so";
    /** {@code nvmlInit_v2} fails with DRIVER_NOT_LOADED. */
    public static final String NVML_INIT_FAILS = "libnvml-standin-initfail.so";
    /** Initialises but finds no GPU. */
    public static final String NVML_NO_GPU = "libnvml-standin-nogpu.so";

    private static final Path DIRECTORY = Path.of(System.getProperty("wsmon.standin.dir", "target/standin"));

    private Standins() {}

    /**
     * A stand-in NVML library; skips the test, saying why, when the build could not compile it.
     *
     * @param variant one of the constants of this class
     * @return its absolute path
     */
    public static String nvmlLibrary(String variant) {
        Path library = DIRECTORY.resolve(variant).toAbsolutePath();
        assumeTrue(Files.isRegularFile(library),
                "stand-in NVML library " + library + " was not built (is gcc on the PATH?): test skipped");
        return library.toString();
    }

    /**
     * The stand-in nvidia-smi, answering for two GPUs; skips the test where shell scripts cannot run.
     *
     * @return its absolute path
     */
    public static String nvidiaSmi() {
        assumeShell();
        Path script = DIRECTORY.resolve("nvidia-smi").toAbsolutePath();
        assumeTrue(Files.isExecutable(script), "stand-in nvidia-smi " + script + " was not built: test skipped");
        return script.toString();
    }

    /**
     * Writes an executable {@code /bin/sh} script.
     *
     * @param directory where
     * @param name the file name
     * @param body the script after the {@code #!/bin/sh} line
     * @return its absolute path
     * @throws IOException when it cannot be written
     */
    public static String script(Path directory, String name, String body) throws IOException {
        assumeShell();
        Path script = directory.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toAbsolutePath().toString();
    }

    /**
     * A stand-in nvidia-smi that answers normally on its first run (when the monitor starts) and does
     * something else on later runs.
     *
     * @param directory where the script and its state go
     * @param later the shell commands of the later runs; the normal answer follows unless they exit
     * @return its absolute path
     * @throws IOException when it cannot be written
     */
    public static String nvidiaSmiThen(Path directory, String later) throws IOException {
        Path started = directory.resolve("started");
        return script(directory, "nvidia-smi", "if [ -e '" + started + "' ]; then\n" + later + "\nfi\n"
                + "touch '" + started + "'\n"
                + "exec '" + nvidiaSmi() + "' \"$@\"\n");
    }

    /**
     * Settings for the nvidia-smi backend alone.
     *
     * @param nvidiaSmi the command
     * @param timeout its timeout
     * @return the settings map
     */
    public static Map<String, String> nvidiaSmiSettings(String nvidiaSmi, Duration timeout) {
        return Map.of(
                GpuSettings.BACKEND, "nvidia-smi",
                GpuSettings.NVIDIA_SMI, nvidiaSmi,
                GpuSettings.NVIDIA_SMI_TIMEOUT, String.valueOf(timeout.toMillis() / 1000.0));
    }

    private static void assumeShell() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh to run the nvidia-smi stand-in: test skipped");
    }
}
