package io.wsmon.gpu.smi;

import io.wsmon.api.GpuDevice;
import io.wsmon.gpu.BackendUnavailableException;
import io.wsmon.gpu.GpuBackend;
import io.wsmon.gpu.GpuReader;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Reads GPUs by running {@code nvidia-smi --query-gpu=... --format=csv,noheader,nounits} once per
 * {@link #read()}, killed when it takes longer than the timeout. nvidia-smi reports no per-GPU count of
 * compute processes, so that figure is absent.
 */
public final class NvidiaSmiReader implements GpuReader {

    private final CommandRunner runner;
    private final List<String> command;
    private final Duration timeout;
    private final int gpuCount;

    private NvidiaSmiReader(CommandRunner runner, List<String> command, Duration timeout, int gpuCount) {
        this.runner = runner;
        this.command = command;
        this.timeout = timeout;
        this.gpuCount = gpuCount;
    }

    /**
     * Runs nvidia-smi once to check that it works and to count the GPUs.
     *
     * @param nvidiaSmi the path of nvidia-smi, or a name found on the {@code PATH}
     * @param timeout how long one run may take
     * @return the reader
     * @throws BackendUnavailableException when nvidia-smi cannot be run, times out, fails or prints no GPU
     * @throws InterruptedException when the calling thread is interrupted
     */
    public static NvidiaSmiReader open(String nvidiaSmi, Duration timeout)
            throws BackendUnavailableException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(nvidiaSmi);
        command.addAll(NvidiaSmiCsv.ARGUMENTS);
        CommandRunner runner = new CommandRunner();
        try {
            int count = query(runner, command, timeout).size();
            return new NvidiaSmiReader(runner, List.copyOf(command), timeout, count);
        } catch (NvidiaSmiException e) {
            runner.close();
            throw new BackendUnavailableException(e.getMessage(), e);
        } catch (InterruptedException | RuntimeException e) {
            runner.close();
            throw e;
        }
    }

    @Override
    public GpuBackend backend() {
        return GpuBackend.NVIDIA_SMI;
    }

    @Override
    public int gpuCount() {
        return gpuCount;
    }

    /**
     * Runs nvidia-smi and parses its answer.
     *
     * @return one device per GPU, in nvidia-smi's order
     * @throws NvidiaSmiException when nvidia-smi cannot be run, times out (it is then killed), exits with an
     *     error, prints something that is not the expected table, or the reader was closed while it ran
     * @throws InterruptedException when the calling thread is interrupted; nvidia-smi is then killed
     */
    @Override
    public List<GpuDevice> read() throws NvidiaSmiException, InterruptedException {
        return query(runner, command, timeout);
    }

    private static List<GpuDevice> query(CommandRunner runner, List<String> command, Duration timeout)
            throws NvidiaSmiException, InterruptedException {
        CommandRunner.Result result;
        try {
            result = runner.run(command, timeout);
        } catch (CommandRunner.ClosedException e) {
            // The monitor's own doing, the same whichever way the kill ended the run: no cause to trace.
            throw new NvidiaSmiException(e.getMessage());
        } catch (IOException e) {
            throw new NvidiaSmiException("nvidia-smi could not be run: " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new NvidiaSmiException(e.getMessage(), e);
        }
        if (result.exitCode() != 0) {
            String said = result.output().strip().lines().findFirst().map(line -> ": " + line).orElse("");
            throw new NvidiaSmiException(command.get(0) + " exited with code " + result.exitCode() + said);
        }
        return NvidiaSmiCsv.parse(result.output());
    }

    /** Kills a run in progress. */
    @Override
    public void close() {
        runner.close();
    }
}
