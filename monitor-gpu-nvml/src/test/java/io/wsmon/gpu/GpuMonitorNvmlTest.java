package io.wsmon.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.GpuDevice;
import io.wsmon.api.GpuInfo;
import io.wsmon.api.MonitorUnavailableException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The monitor on the real JNA binding, loading the stand-in NVML library compiled by the build. */
class GpuMonitorNvmlTest {

    private static final long GIB = 1024L * 1024 * 1024;

    private static GpuMonitor started(Map<String, String> settings) throws Exception {
        GpuMonitor monitor = new GpuMonitor();
        monitor.start(new TestContext(settings));
        return monitor;
    }

    @Test
    void start_standinNvml_usesNvmlForEveryGpu() throws Exception {
        try (GpuMonitor monitor = started(Map.of("gpu.nvml_library", Standins.nvmlLibrary(Standins.NVML)))) {
            assertThat(monitor.backend()).isEqualTo(GpuBackend.NVML);
            assertThat(monitor.isAvailable()).isTrue();
            assertThat(monitor.gpuCount()).isEqualTo(3);
        }
    }

    @Test
    void collect_standinNvml_reportsEveryFigureInTheSeedUnits() throws Exception {
        try (GpuMonitor monitor = started(Map.of("gpu.nvml_library", Standins.nvmlLibrary(Standins.NVML)))) {
            GpuInfo info = monitor.collect();

            assertThat(info.count()).isEqualTo(3);
            assertThat(info.gpus()).extracting(GpuDevice::id).containsExactly(0, 1, 2);
            assertThat(info.gpus().get(0)).isEqualTo(new GpuDevice(0, "NVIDIA Stand-in A100",
                    "GPU-5ca1ab1e-0000-4000-8000-000000000000", "550.54.15",
                    40 * GIB, 10 * GIB, 30 * GIB, 45.0, 30.0, 65.0, 220.5, 350.0, 40.0, 1410, 1215, 2));
        }
    }

    @Test
    void collect_fanNotSupported_isAbsentNotZero() throws Exception {
        try (GpuMonitor monitor = started(Map.of("gpu.nvml_library", Standins.nvmlLibrary(Standins.NVML)))) {
            GpuDevice passive = monitor.collect().gpus().get(1);

            assertThat(passive.fanSpeed()).isNull();
            assertThat(passive.name()).isEqualTo("NVIDIA Stand-in T4");
            assertThat(passive.powerDraw()).isEqualTo(70.25);
            assertThat(passive.computeProcesses()).isZero();
        }
    }

    @Test
    void collect_powerQueryFails_leavesOnlyThatFigureOut() throws Exception {
        try (GpuMonitor monitor = started(Map.of("gpu.nvml_library", Standins.nvmlLibrary(Standins.NVML)))) {
            GpuDevice failing = monitor.collect().gpus().get(2);

            assertThat(failing.powerDraw()).isNull();
            assertThat(failing.powerLimit()).isEqualTo(450.0);
            assertThat(failing.temperature()).isEqualTo(83.0);
            assertThat(failing.computeProcesses()).isEqualTo(5);
        }
    }

    @Test
    void start_nvmlInitFails_fallsBackToNvidiaSmi() throws Exception {
        Map<String, String> settings = Map.of(
                "gpu.nvml_library", Standins.nvmlLibrary(Standins.NVML_INIT_FAILS),
                "gpu.nvidia_smi", Standins.nvidiaSmi());
        try (GpuMonitor monitor = started(settings)) {
            assertThat(monitor.backend()).isEqualTo(GpuBackend.NVIDIA_SMI);
            assertThat(monitor.gpuCount()).isEqualTo(2);
            assertThat(monitor.collect().gpus()).extracting(GpuDevice::name)
                    .containsExactly("NVIDIA Stand-in A100", "NVIDIA Stand-in T4");
        }
    }

    @Test
    void start_nvmlOnlyAndInitFails_isUnavailableWithNvmlsReason() {
        Map<String, String> settings = Map.of(
                "gpu.backend", "nvml",
                "gpu.nvml_library", Standins.nvmlLibrary(Standins.NVML_INIT_FAILS));
        GpuMonitor monitor = new GpuMonitor();

        assertThatThrownBy(() -> monitor.start(new TestContext(settings)))
                .isInstanceOf(MonitorUnavailableException.class)
                .hasMessage("No NVIDIA GPU can be monitored (NVML: NVML could not be initialised: "
                        + "nvmlInit_v2: Driver Not Loaded (NVML error 9))");
        assertThat(monitor.isAvailable()).isFalse();
        assertThat(monitor.backend()).isEqualTo(GpuBackend.NONE);
        assertThat(monitor.gpuCount()).isZero();
    }

    @Test
    void start_nvmlFindsNoGpu_isUnavailable() {
        Map<String, String> settings = Map.of(
                "gpu.backend", "nvml",
                "gpu.nvml_library", Standins.nvmlLibrary(Standins.NVML_NO_GPU));

        assertThatThrownBy(() -> new GpuMonitor().start(new TestContext(settings)))
                .isInstanceOf(MonitorUnavailableException.class)
                .hasMessage("No NVIDIA GPU can be monitored (NVML: NVML found no GPU)");
    }
}
