package io.wsmon.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wsmon.api.Monitor;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.core.Extensions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor's life cycle and discovery, where no backend is needed or none works. */
class GpuMonitorTest {

    @TempDir
    Path directory;

    @Test
    void discovery_monitorOnClassPath_findsGpuMonitorNamedGpu() {
        List<String> found = Extensions.load(Monitor.class, getClass().getClassLoader()).stream()
                .filter(GpuMonitor.class::isInstance)
                .map(Monitor::name)
                .toList();

        assertThat(found).containsExactly("gpu");
    }

    @Test
    void start_neitherBackendWorks_isUnavailableGivingBothReasonsInOneSentence() {
        Map<String, String> settings = Map.of(
                "gpu.nvml_library", directory.resolve("libmissing-nvml.so").toString(),
                "gpu.nvidia_smi", directory.resolve("missing-nvidia-smi").toString());
        GpuMonitor monitor = new GpuMonitor();

        assertThatThrownBy(() -> monitor.start(new TestContext(settings)))
                .isInstanceOf(MonitorUnavailableException.class)
                .hasMessageStartingWith("No NVIDIA GPU can be monitored (NVML: the NVML library could not be "
                        + "loaded (tried " + directory.resolve("libmissing-nvml.so") + "): Unable to load library")
                .hasMessageContaining("libmissing-nvml.so: cannot open shared object file")
                .hasMessageContaining("; NVIDIA_SMI: nvidia-smi could not be run: Cannot run program \""
                        + directory.resolve("missing-nvidia-smi") + "\"")
                .hasMessageNotContaining("\n");
        assertThat(monitor.backend()).isEqualTo(GpuBackend.NONE);
    }

    @Test
    void start_defaultsOnLinuxWithoutDriverTraces_isUnavailableNamingThemWithoutLookingFurther() {
        assumeTrue(System.getProperty("os.name", "").startsWith("Linux"), "the driver's traces are Linux paths");
        GpuMonitor monitor = new GpuMonitor(directory);

        assertThatThrownBy(() -> monitor.start(new TestContext(Map.of())))
                .isInstanceOf(MonitorUnavailableException.class)
                .hasMessage("No NVIDIA GPU can be monitored (no NVIDIA driver: none of /proc/driver/nvidia, "
                        + "/dev/nvidiactl, /dev/dxg exists)");
        assertThat(monitor.backend()).isEqualTo(GpuBackend.NONE);
    }

    @Test
    void start_defaultsWithADriverTrace_triesTheBackends() throws Exception {
        Files.createDirectories(directory.resolve("dev"));
        Files.writeString(directory.resolve("dev/nvidiactl"), "");

        try (GpuMonitor monitor = new GpuMonitor(directory)) {
            monitor.start(new TestContext(Map.of()));
            assertThat(monitor.isAvailable()).as("a real GPU answered").isTrue();
        } catch (MonitorUnavailableException e) {
            assertThat(e.getMessage()).contains("NVML: ").contains("NVIDIA_SMI: ").doesNotContain("no NVIDIA driver");
        }
    }

    @Test
    void start_libraryIsNotNvml_isUnavailableSayingSo() {
        Path libc = Path.of("/lib/x86_64-linux-gnu/libc.so.6");
        assumeTrue(Files.exists(libc), "no " + libc + " to stand for a library that is not NVML: test skipped");
        Map<String, String> settings = Map.of("gpu.backend", "nvml", "gpu.nvml_library", libc.toString());

        assertThatThrownBy(() -> new GpuMonitor().start(new TestContext(settings)))
                .isInstanceOf(MonitorUnavailableException.class)
                .hasMessageStartingWith("No NVIDIA GPU can be monitored (NVML: the library is not NVML: ")
                .hasMessageContaining("nvmlInit_v2")
                .hasMessageNotContaining("\n");
    }

    @Test
    void start_badSetting_isRejectedNamingTheKey() {
        assertThatThrownBy(() -> new GpuMonitor().start(new TestContext(Map.of("gpu.backend", "opencl"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gpu.backend")
                .hasMessageContaining("'opencl'");
    }

    @Test
    void start_twice_isRejected() throws Exception {
        Map<String, String> settings = Map.of("gpu.backend", "nvidia-smi", "gpu.nvidia_smi", "/nonexistent/smi");
        GpuMonitor monitor = new GpuMonitor();
        assertThatThrownBy(() -> monitor.start(new TestContext(settings)))
                .isInstanceOf(MonitorUnavailableException.class);

        assertThatThrownBy(() -> monitor.start(new TestContext(settings)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the GPU monitor is already started");
    }

    @Test
    void collect_notStarted_isRejected() {
        assertThatThrownBy(() -> new GpuMonitor().collect())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the GPU monitor is not started");
    }

    @Test
    void detect_noGpu_returnsUnavailableMonitorWhoseCollectLeavesTheSectionOut() throws Exception {
        Map<String, String> settings = Map.of(
                "gpu.nvml_library", directory.resolve("libmissing-nvml.so").toString(),
                "gpu.nvidia_smi", directory.resolve("missing-nvidia-smi").toString());

        try (GpuMonitor monitor = GpuMonitor.detect(settings)) {
            assertThat(monitor.isAvailable()).isFalse();
            assertThat(monitor.gpuCount()).isZero();
            assertThat(monitor.collect()).isNull();
        }
    }
}
