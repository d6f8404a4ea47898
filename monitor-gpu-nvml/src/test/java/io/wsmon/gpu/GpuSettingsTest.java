package io.wsmon.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuSettingsTest {

    @Test
    void from_nothingSet_triesNvmlThenNvidiaSmiWithFiveSecondTimeout() {
        GpuSettings settings = GpuSettings.from(Map.of("interval", "0.5"));

        assertThat(settings.backends()).containsExactly(GpuBackend.NVML, GpuBackend.NVIDIA_SMI);
        assertThat(settings.nvmlLibraries()).isNotEmpty();
        assertThat(settings.nvidiaSmi()).isEqualTo("nvidia-smi");
        assertThat(settings.nvidiaSmiTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void searchesEverywhere_onlyWhenBackendLibraryAndCommandAreTheDefaults() {
        assertThat(GpuSettings.from(Map.of("gpu.nvidia_smi_timeout", "2")).searchesEverywhere()).isTrue();
        assertThat(GpuSettings.from(Map.of("gpu.backend", "nvml")).searchesEverywhere()).isFalse();
        assertThat(GpuSettings.from(Map.of("gpu.nvml_library", "/opt/libnvidia-ml.so.1")).searchesEverywhere())
                .isFalse();
        assertThat(GpuSettings.from(Map.of("gpu.nvidia_smi", "/opt/bin/nvidia-smi")).searchesEverywhere()).isFalse();
    }

    @Test
    void from_everyKeySet_usesThem() {
        GpuSettings settings = GpuSettings.from(Map.of(
                "gpu.backend", " NVIDIA-SMI ",
                "gpu.nvml_library", "/opt/nvml/libnvidia-ml.so.1",
                "gpu.nvidia_smi", "/opt/bin/nvidia-smi",
                "gpu.nvidia_smi_timeout", "0.25"));

        assertThat(settings.backends()).containsExactly(GpuBackend.NVIDIA_SMI);
        assertThat(settings.nvmlLibraries()).containsExactly("/opt/nvml/libnvidia-ml.so.1");
        assertThat(settings.nvidiaSmi()).isEqualTo("/opt/bin/nvidia-smi");
        assertThat(settings.nvidiaSmiTimeout()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void from_backendNvml_triesOnlyNvml() {
        assertThat(GpuSettings.from(Map.of("gpu.backend", "nvml")).backends()).containsExactly(GpuBackend.NVML);
    }

    @Test
    void from_unknownBackend_isRejectedNamingKeyAndValue() {
        assertThatThrownBy(() -> GpuSettings.from(Map.of("gpu.backend", "cuda")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gpu.backend: expected auto, nvml or nvidia-smi, got 'cuda'");
    }

    @Test
    void from_timeoutNotANumber_isRejectedNamingKeyAndValue() {
        assertThatThrownBy(() -> GpuSettings.from(Map.of("gpu.nvidia_smi_timeout", "5s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gpu.nvidia_smi_timeout: expected a number of seconds above 0 and at most 3600, got '5s'");
    }

    @Test
    void from_timeoutZero_isRejectedNamingKeyAndValue() {
        assertThatThrownBy(() -> GpuSettings.from(Map.of("gpu.nvidia_smi_timeout", "0")))
                .hasMessageContaining("gpu.nvidia_smi_timeout")
                .hasMessageContaining("got '0'");
    }

    @Test
    void from_timeoutAboveAnHour_isRejectedNamingKeyAndValue() {
        assertThatThrownBy(() -> GpuSettings.from(Map.of("gpu.nvidia_smi_timeout", "3601")))
                .hasMessageContaining("gpu.nvidia_smi_timeout")
                .hasMessageContaining("got '3601'");
    }

    @Test
    void from_emptyNvidiaSmiPath_isRejectedNamingKey() {
        assertThatThrownBy(() -> GpuSettings.from(Map.of("gpu.nvidia_smi", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gpu.nvidia_smi: expected a path or name, got an empty value");
    }

    @Test
    void from_emptyNvmlLibrary_isRejectedNamingKey() {
        assertThatThrownBy(() -> GpuSettings.from(Map.of("gpu.nvml_library", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gpu.nvml_library: expected a path or name, got an empty value");
    }

    @Test
    void from_misspelledGpuKey_isRejectedListingTheKnownKeys() {
        assertThatThrownBy(() -> GpuSettings.from(Map.of("gpu.nvidia_smi_path", "/usr/bin/nvidia-smi")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown GPU setting 'gpu.nvidia_smi_path'; known settings: gpu.backend, "
                        + "gpu.nvidia_smi, gpu.nvidia_smi_timeout, gpu.nvml_library");
    }
}
