package io.wsmon.gpu.nvml;

import io.wsmon.api.GpuDevice;
import io.wsmon.gpu.BackendUnavailableException;
import io.wsmon.gpu.FieldFailureLog;
import io.wsmon.gpu.GpuBackend;
import io.wsmon.gpu.GpuReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads GPUs through NVML: initialises it once when opened, reads the figures that never change (count,
 * names, UUIDs, driver version) then, the others at every {@link #read()}, and shuts NVML down on
 * {@link #close()}.
 *
 * <p>A figure the GPU answers {@code NOT_SUPPORTED} for is {@code null}, silently. A figure whose query
 * fails otherwise is {@code null} too, and the failure is logged once (see {@link FieldFailureLog}).
 */
public final class NvmlReader implements GpuReader {

    private static final Logger LOG = LoggerFactory.getLogger(NvmlReader.class);

    /** One NVML call that may fail. */
    @FunctionalInterface
    private interface Query<T> {
        T get() throws NvmlException;
    }

    private record Device(int index, long handle, String name, String uuid) {}

    private final Nvml nvml;
    private final FieldFailureLog failures;
    private final String driverVersion;
    private final List<Device> devices;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NvmlReader(Nvml nvml, FieldFailureLog failures) throws BackendUnavailableException {
        this.nvml = nvml;
        this.failures = failures;
        this.driverVersion = driverVersion(nvml);
        this.devices = openDevices();
    }

    /**
     * Loads NVML from the first library that loads, and opens it.
     *
     * @param libraries library names or paths to try, in order
     * @return the reader, NVML initialised
     * @throws BackendUnavailableException when no library loads, NVML cannot be initialised or finds no GPU
     */
    public static NvmlReader open(List<String> libraries) throws BackendUnavailableException {
        return open(load(libraries), new FieldFailureLog(LOG));
    }

    /**
     * Initialises NVML and reads the GPUs it finds. On failure NVML is shut down again.
     *
     * @param nvml the NVML functions
     * @param failures where failed reads are logged
     * @return the reader, NVML initialised
     * @throws BackendUnavailableException when NVML cannot be initialised or finds no usable GPU
     */
    public static NvmlReader open(Nvml nvml, FieldFailureLog failures) throws BackendUnavailableException {
        try {
            nvml.init();
        } catch (NvmlException e) {
            throw new BackendUnavailableException("NVML could not be initialised: " + e.getMessage(), e);
        } catch (LinkageError e) {
            throw new BackendUnavailableException("the library is not NVML: " + brief(e), e);
        }
        try {
            return new NvmlReader(nvml, failures);
        } catch (BackendUnavailableException | RuntimeException | LinkageError e) {
            shutdown(nvml);
            throw e;
        }
    }

    private static Nvml load(List<String> libraries) throws BackendUnavailableException {
        UnsatisfiedLinkError first = null;
        for (String library : libraries) {
            try {
                return JnaNvml.load(library);
            } catch (UnsatisfiedLinkError e) {
                first = first == null ? e : first;
            }
        }
        throw new BackendUnavailableException("the NVML library could not be loaded (tried "
                + String.join(", ", libraries) + "): " + (first == null ? "no library given" : brief(first)), first);
    }

    private static String driverVersion(Nvml nvml) {
        try {
            return nvml.systemDriverVersion();
        } catch (NvmlException e) {
            if (!e.isNotSupported()) {
                LOG.warn("cannot read the driver version; it is left out: {}", e.getMessage());
            }
            return null;
        }
    }

    private List<Device> openDevices() throws BackendUnavailableException {
        int count;
        try {
            count = nvml.deviceCount();
        } catch (NvmlException e) {
            throw new BackendUnavailableException("NVML could not count the GPUs: " + e.getMessage(), e);
        }
        if (count == 0) {
            throw new BackendUnavailableException("NVML found no GPU", null);
        }
        List<Device> opened = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            long handle;
            try {
                handle = nvml.deviceHandle(index);
            } catch (NvmlException e) {
                LOG.warn("GPU {} is left out: {}", index, e.getMessage());
                continue;
            }
            opened.add(new Device(index, handle,
                    field(index, "name", () -> nvml.deviceName(handle)),
                    field(index, "uuid", () -> nvml.deviceUuid(handle))));
        }
        if (opened.isEmpty()) {
            throw new BackendUnavailableException("NVML could open none of the " + count + " GPUs", null);
        }
        return List.copyOf(opened);
    }

    @Override
    public GpuBackend backend() {
        return GpuBackend.NVML;
    }

    @Override
    public int gpuCount() {
        return devices.size();
    }

    /**
     * Reads every GPU opened at start.
     *
     * @return one device per GPU, by index
     * @throws IllegalStateException when the reader is closed
     */
    @Override
    public List<GpuDevice> read() {
        if (closed.get()) {
            throw new IllegalStateException("the NVML reader is closed");
        }
        List<GpuDevice> read = new ArrayList<>(devices.size());
        for (Device device : devices) {
            read.add(read(device));
        }
        return read;
    }

    private GpuDevice read(Device device) {
        int gpu = device.index();
        long handle = device.handle();
        Nvml.Memory memory = field(gpu, "memory", () -> nvml.deviceMemory(handle));
        Nvml.Utilization utilization = field(gpu, "utilization", () -> nvml.deviceUtilization(handle));
        return new GpuDevice(
                gpu,
                device.name(),
                device.uuid(),
                driverVersion,
                memory == null ? null : memory.total(),
                memory == null ? null : memory.used(),
                memory == null ? null : memory.free(),
                utilization == null ? null : (double) utilization.gpu(),
                utilization == null ? null : (double) utilization.memory(),
                number(field(gpu, "temperature", () -> nvml.deviceTemperature(handle))),
                watts(field(gpu, "power_draw", () -> nvml.devicePowerUsage(handle))),
                watts(field(gpu, "power_limit", () -> nvml.deviceEnforcedPowerLimit(handle))),
                number(field(gpu, "fan_speed", () -> nvml.deviceFanSpeed(handle))),
                field(gpu, "clock_graphics", () -> nvml.deviceClock(handle, Nvml.Clock.GRAPHICS)),
                field(gpu, "clock_memory", () -> nvml.deviceClock(handle, Nvml.Clock.MEMORY)),
                field(gpu, "compute_processes", () -> nvml.deviceComputeProcessCount(handle)));
    }

    /** Runs one query: its value, or null when the GPU does not support it or the query failed. */
    private <T> T field(int gpu, String name, Query<T> query) {
        try {
            T value = query.get();
            failures.succeeded(gpu, name);
            return value;
        } catch (NvmlException e) {
            if (e.isNotSupported()) {
                failures.succeeded(gpu, name);
            } else {
                failures.failed(gpu, name, e.getMessage());
            }
            return null;
        }
    }

    private static Double number(Integer value) {
        return value == null ? null : value.doubleValue();
    }

    private static Double watts(Integer milliwatts) {
        return milliwatts == null ? null : milliwatts / 1000.0;
    }

    /** Shuts NVML down, once; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            shutdown(nvml);
        }
    }

    private static void shutdown(Nvml nvml) {
        try {
            nvml.shutdown();
        } catch (NvmlException e) {
            LOG.warn("NVML shutdown failed: {}", e.getMessage());
        }
    }

    /** The gist of a JNA link error, whose message repeats itself over several lines: one line. */
    private static String brief(Throwable e) {
        List<String> lines = String.valueOf(e.getMessage()).lines().limit(2).toList();
        boolean continues = lines.size() == 2 && lines.get(0).endsWith(":");
        return continues ? lines.get(0) + " " + lines.get(1) : lines.get(0);
    }
}
