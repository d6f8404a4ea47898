package io.wsmon.gpu.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Library;
import com.sun.jna.Native;
import io.wsmon.gpu.FieldFailureLog;
import io.wsmon.gpu.RecordingLogger;
import io.wsmon.gpu.Standins;
import org.junit.jupiter.api.Test;

/** The JNA binding and the reader against the stand-in NVML library compiled by the build. */
class JnaNvmlStandinTest {

    /** The stand-in's own functions, to see how NVML was initialised. */
    interface StandinControl extends Library {
        int standin_init_calls();

        int standin_active_inits();
    }

    private final String library = Standins.nvmlLibrary(Standins.NVML);
    private final StandinControl standin = Native.load(library, StandinControl.class);
    private final RecordingLogger log = new RecordingLogger();

    @Test
    void open_thenManyReads_initialisesOnceAndCloseShutsDown() throws Exception {
        int callsBefore = standin.standin_init_calls();
        int activeBefore = standin.standin_active_inits();

        try (NvmlReader reader = NvmlReader.open(JnaNvml.load(library), new FieldFailureLog(log.logger()))) {
            for (int i = 0; i < 5; i++) {
                reader.read();
            }
            assertThat(standin.standin_init_calls()).isEqualTo(callsBefore + 1);
            assertThat(standin.standin_active_inits()).isEqualTo(activeBefore + 1);
        }

        assertThat(standin.standin_active_inits()).isEqualTo(activeBefore);
    }

    @Test
    void read_failingPowerQueryOnEveryTick_warnsOnce() throws Exception {
        try (NvmlReader reader = NvmlReader.open(JnaNvml.load(library), new FieldFailureLog(log.logger()))) {
            for (int i = 0; i < 5; i++) {
                assertThat(reader.read().get(2).powerDraw()).isNull();
            }
        }

        assertThat(log.lines()).containsExactly("WARN GPU 2: cannot read power_draw (nvmlDeviceGetPowerUsage: "
                + "Unknown Error (NVML error 999)); it is left out while this lasts");
    }

    @Test
    void deviceComputeProcessCount_standin_countsWithoutABuffer() throws Exception {
        JnaNvml nvml = JnaNvml.load(library);
        nvml.init();
        try {
            assertThat(nvml.deviceComputeProcessCount(nvml.deviceHandle(0))).isEqualTo(2);
            assertThat(nvml.deviceComputeProcessCount(nvml.deviceHandle(1))).isZero();
        } finally {
            nvml.shutdown();
        }
    }
}
