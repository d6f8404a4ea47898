package io.wsmon.gpu;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The GPU monitor's options, read from the service settings ({@link io.wsmon.api.MonitorContext#settings()}).
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code gpu.backend}</td><td>{@code auto} (NVML, else nvidia-smi), {@code nvml} or
 *       {@code nvidia-smi}</td><td>{@code auto}</td></tr>
 *   <tr><td>{@code gpu.nvml_library}</td><td>path or name of the NVML library</td>
 *       <td>{@code libnvidia-ml.so.1} then {@code nvidia-ml} on Linux, {@code nvml.dll} on Windows</td></tr>
 *   <tr><td>{@code gpu.nvidia_smi}</td><td>path of the nvidia-smi command</td>
 *       <td>{@code nvidia-smi}, found on the {@code PATH}</td></tr>
 *   <tr><td>{@code gpu.nvidia_smi_timeout}</td><td>seconds one nvidia-smi run may take before it is
 *       killed; a decimal number above 0 and at most 3600</td><td>{@code 5}</td></tr>
 * </table>
 *
 * @param backends the backends that may be used, in the order they are tried
 * @param nvmlLibraries the NVML library names or paths to try, in order
 * @param nvidiaSmi the nvidia-smi command
 * @param nvidiaSmiTimeout how long one nvidia-smi run may take
 */
public record GpuSettings(
        List<GpuBackend> backends, List<String> nvmlLibraries, String nvidiaSmi, Duration nvidiaSmiTimeout) {

    /** Key of the backend choice. */
    public static final String BACKEND = "gpu.backend";
    /** Key of the NVML library path or name. */
    public static final String NVML_LIBRARY = "gpu.nvml_library";
    /** Key of the nvidia-smi path. */
    public static final String NVIDIA_SMI = "gpu.nvidia_smi";
    /** Key of the nvidia-smi timeout, in seconds. */
    public static final String NVIDIA_SMI_TIMEOUT = "gpu.nvidia_smi_timeout";

    private static final Set<String> KEYS = Set.of(BACKEND, NVML_LIBRARY, NVIDIA_SMI, NVIDIA_SMI_TIMEOUT);
    private static final double MAX_TIMEOUT_SECONDS = 3600;
    private static final String DEFAULT_NVIDIA_SMI = "nvidia-smi";

    /** Copies the lists so the record stays immutable. */
    public GpuSettings {
        backends = List.copyOf(backends);
        nvmlLibraries = List.copyOf(nvmlLibraries);
    }

    /**
     * Reads the options from the service settings. Keys that do not start with {@code gpu.} are ignored.
     *
     * @param settings all settings of the service
     * @return the options, with defaults for the keys not set
     * @throws IllegalArgumentException naming the key and the bad value, when a value is invalid or a
     *     {@code gpu.} key is unknown
     */
    public static GpuSettings from(Map<String, String> settings) {
        rejectUnknownKeys(settings);
        return new GpuSettings(
                backends(settings.getOrDefault(BACKEND, "auto")),
                nvmlLibraries(settings.get(NVML_LIBRARY)),
                nonBlank(NVIDIA_SMI, settings.getOrDefault(NVIDIA_SMI, DEFAULT_NVIDIA_SMI)),
                timeout(settings.getOrDefault(NVIDIA_SMI_TIMEOUT, "5")));
    }

    /**
     * Whether these are the defaults: both backends, looked for by name where the system keeps them.
     *
     * @return true when nothing was configured but, perhaps, the nvidia-smi timeout
     */
    public boolean searchesEverywhere() {
        return backends.equals(backends("auto")) && nvmlLibraries.equals(nvmlLibraries(null))
                && nvidiaSmi.equals(DEFAULT_NVIDIA_SMI);
    }

    private static void rejectUnknownKeys(Map<String, String> settings) {
        for (String key : settings.keySet()) {
            if (key.startsWith("gpu.") && !KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown GPU setting '" + key + "'; known settings: " + String.join(", ", new TreeSet<>(KEYS)));
            }
        }
    }

    private static List<GpuBackend> backends(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> List.of(GpuBackend.NVML, GpuBackend.NVIDIA_SMI);
            case "nvml" -> List.of(GpuBackend.NVML);
            case "nvidia-smi" -> List.of(GpuBackend.NVIDIA_SMI);
            default -> throw new IllegalArgumentException(
                    BACKEND + ": expected auto, nvml or nvidia-smi, got '" + value + "'");
        };
    }

    private static List<String> nvmlLibraries(String configured) {
        if (configured != null) {
            return List.of(nonBlank(NVML_LIBRARY, configured));
        }
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return List.of("nvml.dll", "C:\\Program Files\\NVIDIA Corporation\\NVSMI\\nvml.dll");
        }
        // Drivers install only the versioned name; the unversioned one comes with development packages.
        return List.of("libnvidia-ml.so.1", "nvidia-ml");
    }

    private static String nonBlank(String key, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(key + ": expected a path or name, got an empty value");
        }
        return value.trim();
    }

    private static Duration timeout(String value) {
        double seconds;
        try {
            seconds = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS)) {
            throw new IllegalArgumentException(NVIDIA_SMI_TIMEOUT
                    + ": expected a number of seconds above 0 and at most 3600, got '" + value + "'");
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
