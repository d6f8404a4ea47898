package io.wsmon.core.collect.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ProcReaderTest {

    @TempDir
    Path dir;

    @Test
    void readStart_readsOnlyTheFirstBuffer_notTheWholeFile() throws Exception {
        Path smaps = dir.resolve("smaps");
        Files.writeString(smaps, "KernelPageSize:        4 kB\n" + "Rss: 0 kB\n".repeat(10_000)
                + "KernelPageSize:       64 kB\n", StandardCharsets.US_ASCII);
        ProcReader reader = new ProcReader();

        ProcText start = reader.readStart(smaps);

        assertThat(ProcParsers.kernelPageSize(start)).isEqualTo(4096);
        int lines = 0;
        while (!start.atEnd()) {
            start.nextLine();
            lines++;
        }
        assertThat(lines).as("lines read of 10 002").isLessThan(1000);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void readStart_ofThisProcessesSmaps_holdsThePageSizeTheWholeFileHolds() throws Exception {
        Path smaps = Path.of("/proc/self/smaps");
        ProcReader reader = new ProcReader();

        long fromStart = ProcParsers.kernelPageSize(reader.readStart(smaps));
        long fromWhole = ProcParsers.kernelPageSize(reader.read(smaps));

        assertThat(fromStart).isPositive().isEqualTo(fromWhole);
    }
}
