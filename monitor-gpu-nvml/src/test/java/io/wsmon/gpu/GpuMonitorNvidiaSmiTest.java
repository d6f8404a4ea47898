package io.wsmon.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.GpuDevice;
import io.wsmon.api.GpuInfo;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.gpu.smi.NvidiaSmiException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor on the nvidia-smi backend, running stand-in scripts as real processes. */
class GpuMonitorNvidiaSmiTest {

    private static final long MIB = 1024L * 1024;
    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path directory;

    private static GpuMonitor started(String nvidiaSmi, Duration timeout) throws Exception {
        GpuMonitor monitor = new GpuMonitor();
        monitor.start(new TestContext(Standins.nvidiaSmiSettings(nvidiaSmi, timeout)));
        return monitor;
    }

    @Test
    void collect_standinNvidiaSmi_reportsEveryGpuInTheSeedUnits() throws Exception {
        try (GpuMonitor monitor = started(Standins.nvidiaSmi(), Duration.ofSeconds(5))) {
            GpuInfo info = monitor.collect();

            assertThat(monitor.backend()).isEqualTo(GpuBackend.NVIDIA_SMI);
            assertThat(monitor.gpuCount()).isEqualTo(2);
            assertThat(info.count()).isEqualTo(2);
            assertThat(info.gpus().get(0)).isEqualTo(new GpuDevice(0, "NVIDIA Stand-in A100",
                    "GPU-5ca1ab1e-0000-4000-8000-000000000000", "550.54.15",
                    40960 * MIB, 10240 * MIB, 30720 * MIB, 45.0, 30.0, 65.0, 220.5, 350.0, 40.0, 1410, 1215, null));
            assertThat(info.gpus().get(1).powerDraw()).isEqualTo(70.25);
        }
    }

    @Test
    void collect_notAvailableAndNotSupportedValues_areAbsent() throws Exception {
        String script = Standins.script(directory, "nvidia-smi", "cat <<'EOF'\n"
                + "0, Tesla T4, GPU-1, 535.104.05, 15360, 3, 15101, 0, 0, 31, 9.87, 70.00, [N/A], 300, 5000\n"
                + "1, Tesla T4, [N/A], 535.104.05, 15360, 3, 15101, [Not Supported], [Not Supported], 30, [N/A],"
                + " [Unknown Error], [N/A], 300, 5000\n"
                + "EOF\n");

        try (GpuMonitor monitor = started(script, Duration.ofSeconds(5))) {
            GpuDevice first = monitor.collect().gpus().get(0);
            GpuDevice second = monitor.collect().gpus().get(1);

            assertThat(first.fanSpeed()).isNull();
            assertThat(first.powerDraw()).isEqualTo(9.87);
            assertThat(second.uuid()).isNull();
            assertThat(second.gpuUsagePercent()).isNull();
            assertThat(second.memoryUsagePercent()).isNull();
            assertThat(second.powerDraw()).isNull();
            assertThat(second.powerLimit()).isNull();
            assertThat(second.temperature()).isEqualTo(30.0);
        }
    }

    @Test
    void start_garbageOutput_isUnavailableNamingTheLine() throws Exception {
        String script = Standins.script(directory, "nvidia-smi", "echo 'No devices were found'\n");

        assertThatThrownBy(() -> started(script, Duration.ofSeconds(5)))
                .isInstanceOf(MonitorUnavailableException.class)
                .hasMessage("No NVIDIA GPU can be monitored (NVIDIA_SMI: nvidia-smi output line 1 has 1 values "
                        + "where 15 were asked for: 'No devices were found')");
    }

    @Test
    void start_nonZeroExit_isUnavailableWithExitCodeAndWhatItSaid() throws Exception {
        String script = Standins.script(directory, "nvidia-smi",
                "echo 'NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.'\nexit 9\n");

        assertThatThrownBy(() -> started(script, Duration.ofSeconds(5)))
                .isInstanceOf(MonitorUnavailableException.class)
                .hasMessage("No NVIDIA GPU can be monitored (NVIDIA_SMI: " + script + " exited with code 9: "
                        + "NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.)");
    }

    @Test
    void start_hangPastTimeout_isUnavailableAfterTheTimeout() throws Exception {
        String script = Standins.script(directory, "nvidia-smi", "exec sleep 60\n");

        assertThatThrownBy(() -> started(script, SHORT_TIMEOUT))
                .isInstanceOf(MonitorUnavailableException.class)
                .hasMessage("No NVIDIA GPU can be monitored (NVIDIA_SMI: " + script
                        + " did not finish within 1 s and was killed)");
    }

    @Test
    void collect_hangPastTimeout_failsThisTickAndKillsTheProcessAndItsChildren() throws Exception {
        Path pid = directory.resolve("pid");
        Path child = directory.resolve("child");
        String script = Standins.nvidiaSmiThen(directory,
                "echo $$ > '" + pid + "'\nsleep 60 &\necho $! > '" + child + "'\nwait");

        try (GpuMonitor monitor = started(script, SHORT_TIMEOUT)) {
            long startedAt = System.nanoTime();
            assertThatThrownBy(monitor::collect)
                    .isInstanceOf(NvidiaSmiException.class)
                    .hasMessage(script + " did not finish within 1 s and was killed");
            assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(3));

            Processes.awaitGone(Processes.awaitPidIn(pid));
            Processes.awaitGone(Processes.awaitPidIn(child));
        }
    }

    @Test
    void collect_garbageAfterStart_losesOnlyThatTick() throws Exception {
        Path runs = directory.resolve("runs");
        String script = Standins.nvidiaSmiThen(directory, "echo x >> '" + runs + "'\n"
                + "if [ \"$(wc -l < '" + runs + "')\" -eq 1 ]; then echo '0, half a line'; exit 0; fi");

        try (GpuMonitor monitor = started(script, Duration.ofSeconds(5))) {
            assertThatThrownBy(monitor::collect)
                    .isInstanceOf(NvidiaSmiException.class)
                    .hasMessage("nvidia-smi output line 1 has 2 values where 15 were asked for: '0, half a line'");
            assertThat(monitor.collect().count()).isEqualTo(2);
        }
    }

    @Test
    void collect_nonZeroExitAfterStart_failsThisTickWithTheExitCode() throws Exception {
        String script = Standins.nvidiaSmiThen(directory,
                "echo 'Unable to determine the device handle for GPU0000:01:00.0: GPU is lost.'\nexit 15");

        try (GpuMonitor monitor = started(script, Duration.ofSeconds(5))) {
            assertThatThrownBy(monitor::collect)
                    .isInstanceOf(NvidiaSmiException.class)
                    .hasMessage(script + " exited with code 15: "
                            + "Unable to determine the device handle for GPU0000:01:00.0: GPU is lost.");
        }
    }

    @Test
    void close_duringHungRun_killsItAndCollectReturnsAtOnce() throws Exception {
        Path pid = directory.resolve("pid");
        String script = Standins.nvidiaSmiThen(directory, "echo $$ > '" + pid + "'\nexec sleep 60");
        GpuMonitor monitor = started(script, Duration.ofSeconds(60));
        CompletableFuture<GpuInfo> collecting = CompletableFuture.supplyAsync(() -> {
            try {
                return monitor.collect();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long hung = Processes.awaitPidIn(pid);

        monitor.close();

        assertThatThrownBy(() -> collecting.get(5, TimeUnit.SECONDS)).hasRootCauseInstanceOf(NvidiaSmiException.class)
                .hasRootCauseMessage(script + " was stopped: the monitor was closed while it ran");
        Processes.awaitGone(hung);
    }
}
