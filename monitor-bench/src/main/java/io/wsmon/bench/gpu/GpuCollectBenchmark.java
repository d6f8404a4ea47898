package io.wsmon.bench.gpu;

import io.wsmon.api.GpuInfo;
import io.wsmon.gpu.GpuMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One GPU collection through each backend, against the stand-ins the monitor-gpu-nvml build leaves in
 * {@code monitor-gpu-nvml/target/standin}: NVML (the stand-in library, 3 GPUs, through the real JNA
 * binding) versus nvidia-smi (the stand-in script, 2 GPUs, a real process per collection). The
 * directory is read from the system property {@code wsmon.standin.dir}; the default fits a run from the
 * repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GpuCollectBenchmark {

    /** The backend measured: {@code nvml} or {@code nvidia-smi}. */
    @Param({"nvml", "nvidia-smi"})
    public String backend;

    private GpuMonitor monitor;

    /** Starts the monitor on the stand-in of the backend. */
    @Setup
    public void start() throws Exception {
        Path standins = Path.of(System.getProperty("wsmon.standin.dir", "monitor-gpu-nvml/target/standin"));
        Path file = standins.resolve(backend.equals("nvml") ? "libnvml-standin.so" : "nvidia-smi").toAbsolutePath();
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: build the stand-ins with "
                    + "'mvn -B -q -pl monitor-gpu-nvml -am test-compile', or set -Dwsmon.standin.dir");
        }
        monitor = GpuMonitor.detect(Map.of(
                "gpu.backend", backend,
                backend.equals("nvml") ? "gpu.nvml_library" : "gpu.nvidia_smi", file.toString()));
        if (!monitor.isAvailable()) {
            throw new IllegalStateException("the " + backend + " stand-in at " + file + " did not start; see the log");
        }
    }

    /**
     * One collection of every GPU.
     *
     * @return the section, so that it is not optimised away
     */
    @Benchmark
    public GpuInfo collect() throws Exception {
        return monitor.collect();
    }

    /** Shuts the backend down. */
    @TearDown
    public void close() {
        monitor.close();
    }
}
