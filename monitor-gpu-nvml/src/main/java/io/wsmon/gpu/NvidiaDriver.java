package io.wsmon.gpu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether an NVIDIA driver can be on this Linux machine at all: without one neither NVML nor nvidia-smi
 * can work, and looking for them (JNA's native set-up, {@code ldconfig}, a process) costs ~100 ms of a
 * start.
 */
final class NvidiaDriver {

    /** The driver's control device, its proc entry, and WSL 2's GPU device. */
    static final List<String> TRACES = List.of("proc/driver/nvidia", "dev/nvidiactl", "dev/dxg");

    private NvidiaDriver() {}

    /**
     * @param root the file system root, {@code /} but in tests
     * @return whether one of {@link #TRACES} exists under the root
     */
    static boolean mayBePresent(Path root) {
        return TRACES.stream().anyMatch(trace -> Files.exists(root.resolve(trace)));
    }

    /** @return the traces as absolute paths, for a message */
    static String traces() {
        return String.join(", ", TRACES.stream().map(trace -> "/" + trace).toList());
    }
}
