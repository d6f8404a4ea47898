package io.wsmon.gpu.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.GpuDevice;
import io.wsmon.gpu.BackendUnavailableException;
import io.wsmon.gpu.FieldFailureLog;
import io.wsmon.gpu.RecordingLogger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link NvmlReader}'s logic on a fake NVML: no JNA, no library. */
class NvmlReaderTest {

    private static final int UNKNOWN = 999;
    private static final int GPU_IS_LOST = 15;
    private static final int NOT_SUPPORTED = 3;

    private final RecordingLogger log = new RecordingLogger();

    private NvmlReader open(FakeNvml nvml) throws BackendUnavailableException {
        return NvmlReader.open(nvml, new FieldFailureLog(log.logger()));
    }

    private static void readTimes(NvmlReader reader, int times) {
        for (int i = 0; i < times; i++) {
            reader.read();
        }
    }

    @Test
    void read_everyCallAnswers_convertsToTheSeedUnits() throws Exception {
        try (NvmlReader reader = open(new FakeNvml(1))) {
            assertThat(reader.read()).containsExactly(new GpuDevice(0, "Fake GPU 0", "GPU-fake-0", "999.1",
                    8000L, 2000L, 6000L, 50.0, 25.0, 70.0, 100.5, 250.0, 30.0, 1500, 7000, 1));
        }
    }

    @Test
    void read_fieldFailsEveryTick_warnsOnceThenNotesTheRecoveryOnce() throws Exception {
        FakeNvml nvml = new FakeNvml(2).failing("nvmlDeviceGetPowerUsage", 1, UNKNOWN);
        try (NvmlReader reader = open(nvml)) {
            readTimes(reader, 3);
            nvml.recovered("nvmlDeviceGetPowerUsage", 1);
            readTimes(reader, 3);
        }

        assertThat(log.lines()).containsExactly(
                "WARN GPU 1: cannot read power_draw (nvmlDeviceGetPowerUsage: fake error 999 (NVML error 999));"
                        + " it is left out while this lasts",
                "INFO GPU 1: power_draw can be read again after 3 failed reads");
    }

    @Test
    void read_failureReasonChanges_warnsAgain() throws Exception {
        FakeNvml nvml = new FakeNvml(1).failing("nvmlDeviceGetTemperature", 0, UNKNOWN);
        try (NvmlReader reader = open(nvml)) {
            readTimes(reader, 2);
            nvml.failing("nvmlDeviceGetTemperature", 0, GPU_IS_LOST);
            readTimes(reader, 2);
        }

        assertThat(log.lines()).hasSize(2).last().asString()
                .isEqualTo("WARN GPU 0: still cannot read temperature, now because: "
                        + "nvmlDeviceGetTemperature: fake error 15 (NVML error 15)");
    }

    @Test
    void read_fieldFails_leavesOnlyThatFigureOutOfThatGpu() throws Exception {
        FakeNvml nvml = new FakeNvml(2).failing("nvmlDeviceGetMemoryInfo", 0, UNKNOWN);
        try (NvmlReader reader = open(nvml)) {
            List<GpuDevice> gpus = reader.read();

            assertThat(gpus.get(0).memoryTotal()).isNull();
            assertThat(gpus.get(0).memoryUsed()).isNull();
            assertThat(gpus.get(0).memoryFree()).isNull();
            assertThat(gpus.get(0).temperature()).isEqualTo(70.0);
            assertThat(gpus.get(1).memoryTotal()).isEqualTo(8000L);
        }
    }

    @Test
    void read_notSupported_isAbsentAndNeverLogged() throws Exception {
        FakeNvml nvml = new FakeNvml(1).failing("nvmlDeviceGetFanSpeed", 0, NOT_SUPPORTED);
        try (NvmlReader reader = open(nvml)) {
            readTimes(reader, 3);

            assertThat(reader.read().get(0).fanSpeed()).isNull();
        }
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void open_oneGpuCannotBeOpened_leavesItOutAndReadsTheOthers() throws Exception {
        try (NvmlReader reader = open(new FakeNvml(3).unopenable(1))) {
            assertThat(reader.gpuCount()).isEqualTo(2);
            assertThat(reader.read()).extracting(GpuDevice::id).containsExactly(0, 2);
        }
    }

    @Test
    void open_nameCannotBeRead_keepsTheGpuWithoutName() throws Exception {
        try (NvmlReader reader = open(new FakeNvml(1).failing("nvmlDeviceGetName", 0, UNKNOWN))) {
            assertThat(reader.read().get(0).name()).isNull();
            assertThat(reader.read().get(0).uuid()).isEqualTo("GPU-fake-0");
        }
    }

    @Test
    void open_initFails_isUnavailableWithoutShutdown() {
        FakeNvml nvml = new FakeNvml(1).failing("nvmlInit_v2", -1, 9);

        assertThatThrownBy(() -> open(nvml))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessage("NVML could not be initialised: nvmlInit_v2: fake error 9 (NVML error 9)");
        assertThat(nvml.shutdowns).isZero();
    }

    @Test
    void open_countFails_shutsNvmlDownAgain() {
        FakeNvml nvml = new FakeNvml(1).failing("nvmlDeviceGetCount_v2", -1, UNKNOWN);

        assertThatThrownBy(() -> open(nvml))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessage("NVML could not count the GPUs: nvmlDeviceGetCount_v2: fake error 999 (NVML error 999)");
        assertThat(nvml.inits).isEqualTo(1);
        assertThat(nvml.shutdowns).isEqualTo(1);
    }

    @Test
    void open_noGpuCanBeOpened_isUnavailableAndShutsNvmlDown() {
        FakeNvml nvml = new FakeNvml(2).unopenable(0).unopenable(1);

        assertThatThrownBy(() -> open(nvml))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessage("NVML could open none of the 2 GPUs");
        assertThat(nvml.shutdowns).isEqualTo(1);
    }

    @Test
    void open_driverVersionFails_leavesItOut() throws Exception {
        try (NvmlReader reader = open(new FakeNvml(1).failing("nvmlSystemGetDriverVersion", -1, UNKNOWN))) {
            assertThat(reader.read().get(0).driverVersion()).isNull();
        }
    }

    @Test
    void close_twice_shutsNvmlDownOnceAndReadIsRejected() throws Exception {
        FakeNvml nvml = new FakeNvml(1);
        NvmlReader reader = open(nvml);

        reader.close();
        reader.close();

        assertThat(nvml.shutdowns).isEqualTo(1);
        assertThatThrownBy(reader::read)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the NVML reader is closed");
    }
}
