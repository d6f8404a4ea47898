package io.wsmon.gpu;

import io.wsmon.api.GpuDevice;
import io.wsmon.api.GpuInfo;
import io.wsmon.api.Monitor;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.api.Snapshot;
import io.wsmon.gpu.nvml.NvmlReader;
import io.wsmon.gpu.smi.NvidiaSmiReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code gpu} section: NVIDIA GPUs through NVML (loaded with JNA), or through {@code nvidia-smi}
 * when NVML cannot be loaded or initialised.
 *
 * <p>Found by {@link java.util.ServiceLoader}: putting this module on the class path is all it takes.
 * Its options are {@link GpuSettings}' keys. With every setting at its default on a Linux machine that
 * shows no trace of an NVIDIA driver, it looks no further. When neither backend works, {@link #start} throws
 * {@link MonitorUnavailableException} with one sentence saying why, and the service leaves the section
 * out.
 *
 * <p>To use it without a service:
 * <pre>{@code
 * try (GpuMonitor gpu = GpuMonitor.detect(Map.of())) {
 *     if (gpu.isAvailable()) {
 *         GpuInfo info = gpu.collect();
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe. The service calls {@link #collect()} from one thread at a time; an nvidia-smi run
 * that hangs is killed after its timeout, so a call never lasts much longer than that.
 */
public final class GpuMonitor implements Monitor<GpuInfo> {

    private static final Logger LOG = LoggerFactory.getLogger(GpuMonitor.class);

    private final Path root;
    private volatile GpuReader reader;
    private volatile boolean started;

    /** Creates a monitor that finds its backend in {@link #start}. */
    public GpuMonitor() {
        this(Path.of("/"));
    }

    /** @param root where the NVIDIA driver's traces are looked for: {@code /} but in tests */
    GpuMonitor(Path root) {
        this.root = root;
    }

    /**
     * Creates and starts a monitor outside a service. Unlike {@link #start}, it does not fail when there is
     * no GPU: the monitor is then not {@linkplain #isAvailable() available}.
     *
     * @param settings the {@link GpuSettings} keys; other keys are ignored
     * @return the started monitor; close it when done
     * @throws IllegalArgumentException naming the key and value, when a setting is invalid
     * @throws InterruptedException when interrupted while nvidia-smi is tried
     */
    public static GpuMonitor detect(Map<String, String> settings) throws InterruptedException {
        GpuMonitor monitor = new GpuMonitor();
        try {
            monitor.open(GpuSettings.from(settings));
        } catch (MonitorUnavailableException e) {
            LOG.info("{}", e.getMessage());
        }
        return monitor;
    }

    @Override
    public String name() {
        return Snapshot.GPU;
    }

    /**
     * Finds a working backend: NVML first, then nvidia-smi, as {@code gpu.backend} allows.
     *
     * @param context the service's settings
     * @throws MonitorUnavailableException when no backend works, saying why for each
     * @throws IllegalArgumentException naming the key and value, when a setting is invalid
     * @throws IllegalStateException when already started
     * @throws InterruptedException when interrupted while nvidia-smi is tried
     */
    @Override
    public void start(MonitorContext context) throws MonitorUnavailableException, InterruptedException {
        open(GpuSettings.from(context.settings()));
    }

    private synchronized void open(GpuSettings settings) throws MonitorUnavailableException, InterruptedException {
        if (started) {
            throw new IllegalStateException("the GPU monitor is already started");
        }
        started = true;
        if (settings.searchesEverywhere() && System.getProperty("os.name", "").startsWith("Linux")
                && !NvidiaDriver.mayBePresent(root)) {
            throw new MonitorUnavailableException("No NVIDIA GPU can be monitored (no NVIDIA driver: none of "
                    + NvidiaDriver.traces() + " exists)");
        }
        List<String> reasons = new ArrayList<>();
        for (GpuBackend backend : settings.backends()) {
            try {
                reader = open(backend, settings);
                LOG.info("GPU monitoring through {}: {} GPU(s){}", backend, reader.gpuCount(),
                        reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")");
                return;
            } catch (BackendUnavailableException e) {
                reasons.add(backend + ": " + e.getMessage());
            }
        }
        throw new MonitorUnavailableException("No NVIDIA GPU can be monitored (" + String.join("; ", reasons) + ")");
    }

    private static GpuReader open(GpuBackend backend, GpuSettings settings)
            throws BackendUnavailableException, InterruptedException {
        return switch (backend) {
            case NVML -> NvmlReader.open(settings.nvmlLibraries());
            case NVIDIA_SMI -> NvidiaSmiReader.open(settings.nvidiaSmi(), settings.nvidiaSmiTimeout());
            case NONE -> throw new IllegalArgumentException("NONE is not a backend to open");
        };
    }

    /**
     * Reads every GPU.
     *
     * @return the section, or {@code null} (no section) when no backend is available
     * @throws IllegalStateException when not started
     * @throws Exception when the backend failed this time (nvidia-smi timed out, failed or printed garbage);
     *     only this tick's section is lost
     */
    @Override
    public GpuInfo collect() throws Exception {
        if (!started) {
            throw new IllegalStateException("the GPU monitor is not started");
        }
        GpuReader current = reader;
        if (current == null) {
            return null;
        }
        List<GpuDevice> gpus = current.read();
        return new GpuInfo(gpus.size(), gpus);
    }

    /**
     * How many GPUs the backend found at start.
     *
     * @return the number of GPUs; 0 when not available
     */
    public int gpuCount() {
        GpuReader current = reader;
        return current == null ? 0 : current.gpuCount();
    }

    /**
     * Whether a backend works on this machine.
     *
     * @return true when started with NVML or nvidia-smi working
     */
    public boolean isAvailable() {
        return reader != null;
    }

    /**
     * The backend in use.
     *
     * @return {@link GpuBackend#NVML}, {@link GpuBackend#NVIDIA_SMI}, or {@link GpuBackend#NONE} when not
     *     started or not available
     */
    public GpuBackend backend() {
        GpuReader current = reader;
        return current == null ? GpuBackend.NONE : current.backend();
    }

    /**
     * Releases the backend: shuts NVML down, or kills an nvidia-smi run in progress. May be called while
     * {@link #collect()} runs on another thread; later collections return {@code null}.
     */
    @Override
    public void close() {
        GpuReader current = reader;
        reader = null;
        if (current != null) {
            current.close();
        }
    }
}
