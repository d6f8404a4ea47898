package io.wsmon.gpu;

import io.wsmon.core.testing.Await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsmon.api.GpuInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.core.MonitorStatistics;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.MonitoringServiceBuilder;
import io.wsmon.core.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GPU monitor inside the real MonitoringService, found through ServiceLoader like a user gets it. */
class GpuServiceIntegrationTest {

    private static final Duration INTERVAL = Duration.ofMillis(500);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-03T10:00:00Z"), ZoneOffset.UTC);
    private MonitoringService service;

    @TempDir
    Path directory;

    @AfterEach
    void stop() {
        if (service != null) {
            service.stop();
        }
    }

    /** Memory and whatever discovery finds for "gpu"; nothing GPU-specific is configured but settings. */
    private MonitoringServiceBuilder builder() {
        return MonitoringService.builder().clock(clock).ticker(clock).interval(INTERVAL).onlyMonitors("memory", "gpu");
    }

    private Snapshot awaitTick(long seq) throws InterruptedException {
        Await.until("tick " + seq, () -> service.currentSnapshot().map(s -> s.seq() >= seq).orElse(false));
        return service.history(1000).stream().filter(s -> s.seq() == seq).findFirst().orElseThrow();
    }

    /** Lets the schedule run tick {@code seq} once tick {@code seq - 1} is done and the loop waits. */
    private Snapshot nextTick(long seq) throws Exception {
        awaitTick(seq - 1);
        clock.awaitSleepers(1, Duration.ofSeconds(10));
        clock.advance(INTERVAL);
        return awaitTick(seq);
    }

    @Test
    void service_gpuModuleOnClassPath_addsGpuSectionWithUnsupportedFiguresAbsentFromJson() throws Exception {
        service = builder().setting("gpu.nvml_library", Standins.nvmlLibrary(Standins.NVML)).start();

        Snapshot first = awaitTick(1);

        assertThat(first.gpu()).map(GpuInfo::count).contains(3);
        JsonNode gpus = new ObjectMapper().readTree(first.jsonText()).path("data").path("gpu").path("gpus");
        assertThat(gpus.get(0).path("fan_speed").asDouble()).isEqualTo(40.0);
        assertThat(gpus.get(0).path("memory_total").asLong()).isEqualTo(40L << 30);
        assertThat(gpus.get(1).has("fan_speed")).isFalse();
        assertThat(gpus.get(2).has("power_draw")).isFalse();
        assertThat(gpus.get(2).path("power_limit").asDouble()).isEqualTo(450.0);
    }

    @Test
    void service_nvidiaSmiHangs_otherSectionsStillArriveEveryTick() throws Exception {
        Path pid = directory.resolve("pid");
        String hanging = Standins.nvidiaSmiThen(directory, "echo $$ > '" + pid + "'\nexec sleep 60");
        service = builder()
                .setting("gpu.backend", "nvidia-smi")
                .setting("gpu.nvidia_smi", hanging)
                .setting("gpu.nvidia_smi_timeout", "2")
                .start();

        List<Snapshot> ticks = new ArrayList<>(List.of(awaitTick(1)));
        for (long seq = 2; seq <= 4; seq++) {
            ticks.add(nextTick(seq));
        }

        assertThat(ticks).allSatisfy(tick -> {
            assertThat(tick.memory()).isPresent();
            assertThat(tick.gpu()).isEmpty();
        });
        MonitorStatistics gpu = service.statistics().monitors().get("gpu");
        assertThat(gpu.timeouts()).isPositive();
        assertThat(gpu.skipped()).isPositive();
        long hung = Processes.awaitPidIn(pid);
        service.stop();
        Processes.awaitGone(hung);
    }

    @Test
    void service_noGpuBackendWorks_leavesTheSectionOutAndRunsTheRest() throws Exception {
        service = builder()
                .setting("gpu.nvml_library", directory.resolve("libmissing-nvml.so").toString())
                .setting("gpu.nvidia_smi", directory.resolve("missing-nvidia-smi").toString())
                .start();

        Snapshot second = nextTick(2);

        assertThat(second.memory()).isPresent();
        assertThat(second.sections()).doesNotContainKey("gpu");
        assertThat(service.statistics().monitors()).doesNotContainKey("gpu");
    }
}
