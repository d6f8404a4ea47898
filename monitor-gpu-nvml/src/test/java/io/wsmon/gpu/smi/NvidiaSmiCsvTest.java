package io.wsmon.gpu.smi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.GpuDevice;
import java.util.List;
import org.junit.jupiter.api.Test;

class NvidiaSmiCsvTest {

    private static final String A100 =
            "0, NVIDIA A100-SXM4-40GB, GPU-a, 535.104.05, 40960, 1, 40506, 0, 0, 33, 52.67, 400.00, [N/A], 210, 1215";

    @Test
    void arguments_askForEveryColumnAsBareCsv() {
        assertThat(NvidiaSmiCsv.ARGUMENTS).containsExactly(
                "--query-gpu=index,name,uuid,driver_version,memory.total,memory.used,memory.free,utilization.gpu,"
                        + "utilization.memory,temperature.gpu,power.draw,enforced.power.limit,fan.speed,clocks.gr,"
                        + "clocks.mem",
                "--format=csv,noheader,nounits");
    }

    @Test
    void parse_oneLine_convertsMebibytesToBytesAndKeepsTheOtherUnits() throws Exception {
        assertThat(NvidiaSmiCsv.parse(A100 + "\n")).containsExactly(new GpuDevice(0, "NVIDIA A100-SXM4-40GB", "GPU-a",
                "535.104.05", 40960L << 20, 1L << 20, 40506L << 20, 0.0, 0.0, 33.0, 52.67, 400.0, null, 210, 1215,
                null));
    }

    @Test
    void parse_windowsLineEndsAndBlankLines_areIgnored() throws Exception {
        List<GpuDevice> gpus = NvidiaSmiCsv.parse("\r\n" + A100 + "\r\n\r\n" + A100.replaceFirst("0", "1") + "\r\n");

        assertThat(gpus).extracting(GpuDevice::id).containsExactly(0, 1);
    }

    @Test
    void parse_nothing_isRejectedAsNoGpu() {
        assertThatThrownBy(() -> NvidiaSmiCsv.parse("\n\n"))
                .isInstanceOf(NvidiaSmiException.class)
                .hasMessage("nvidia-smi listed no GPU");
    }

    @Test
    void parse_textInANumberColumn_isRejectedNamingLineColumnAndValue() {
        String bad = A100.replace(", 33,", ", hot,");

        assertThatThrownBy(() -> NvidiaSmiCsv.parse(A100 + "\n" + bad))
                .isInstanceOf(NvidiaSmiException.class)
                .hasMessage("nvidia-smi output line 2: temperature.gpu should be a number, got 'hot'");
    }

    @Test
    void parse_fractionalClock_isRejectedNamingTheColumn() {
        assertThatThrownBy(() -> NvidiaSmiCsv.parse(A100.replace(", 210,", ", 210.5,")))
                .isInstanceOf(NvidiaSmiException.class)
                .hasMessage("nvidia-smi output line 1: clocks.gr should be a whole number, got '210.5'");
    }

    @Test
    void parse_indexNotAvailable_isRejected() {
        assertThatThrownBy(() -> NvidiaSmiCsv.parse(A100.replaceFirst("0,", "[N/A],")))
                .isInstanceOf(NvidiaSmiException.class)
                .hasMessage("nvidia-smi output line 1: index should be a GPU index, got '[N/A]'");
    }

    @Test
    void parse_longGarbageLine_isQuotedShortened() {
        String garbage = "x".repeat(500);

        assertThatThrownBy(() -> NvidiaSmiCsv.parse(garbage))
                .isInstanceOf(NvidiaSmiException.class)
                .hasMessage("nvidia-smi output line 1 has 1 values where 15 were asked for: '"
                        + "x".repeat(120) + "...'");
    }
}
